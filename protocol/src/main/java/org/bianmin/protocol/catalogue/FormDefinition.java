package org.bianmin.protocol.catalogue;

import java.util.List;

/**
 * The application form of a kiosk-handleable item: which identity documents are accepted and which fields are
 * asked, each either prefilled from the identity card (shown read-only) or entered by the citizen.
 */
public record FormDefinition(List<CardKind> acceptedCards, List<Field> fields) {

    public FormDefinition {
        acceptedCards = List.copyOf(acceptedCards);
        fields = List.copyOf(fields);
    }

    /** Identity documents a second-generation reader can read. */
    public enum CardKind { RESIDENT, FOREIGN_PERMANENT, HMT_RESIDENCE }

    /**
     * A form field. {@code options} are the choices of a CHOICE field, in the words the department gets;
     * {@code en} is the field in English for the screen, its {@code options} one per choice, in the same order.
     */
    public record Field(String key, String label, FieldType type, boolean required, Prefill prefill,
                        Integer maxLength, String pattern, List<String> options, String hint, English en) {
        public Field {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public Field(String key, String label, FieldType type, boolean required, Prefill prefill,
                     Integer maxLength, String pattern, List<String> options, String hint) {
            this(key, label, type, required, prefill, maxLength, pattern, options, hint, null);
        }

        /** The field's label, hint and choices in English; any may be missing. */
        public record English(String label, String hint, List<String> options) {
            public English {
                options = options == null ? List.of() : List.copyOf(options);
            }
        }

        public boolean prefilled() {
            return prefill != null;
        }
    }

    public enum FieldType { TEXT, PHONE, NUMBER, DATE, CHOICE, ID_NUMBER }

    /** Identity-card values a field can be filled from. */
    public enum Prefill { NAME, GENDER, NATION, BIRTH_DATE, ADDRESS, ID_NUMBER, ISSUER, VALID_UNTIL }
}
