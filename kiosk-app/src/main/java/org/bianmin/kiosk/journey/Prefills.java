package org.bianmin.kiosk.journey;

import java.util.Arrays;
import java.util.Optional;
import org.bianmin.device.idcard.Gender;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.protocol.catalogue.FormDefinition.Prefill;

/**
 * Reads a form field's value off the identity card; empty when this card type does not carry it. The value is what
 * the department gets, in the card's own Chinese words whatever the kiosk's language; where such a value is a word
 * rather than a datum (性别, 长期) the screen shows {@link #wordKey} in the citizen's language instead.
 */
final class Prefills {

    /** How a card valid for life says so, and what the department gets for it. */
    static final String FOR_LIFE = "长期";

    private Prefills() {}

    /** The message key to show instead of {@code value}, when the card's value is a word; empty for data. */
    static Optional<String> wordKey(Prefill prefill, String value) {
        if (prefill == Prefill.VALID_UNTIL && value.equals(FOR_LIFE)) {
            return Optional.of("card.validForLife");
        }
        if (prefill == Prefill.GENDER) {
            return Arrays.stream(Gender.values()).filter(g -> g.label().equals(value)).findFirst()
                    .map(g -> "card.gender." + g.name());
        }
        return Optional.empty();
    }

    static Optional<String> value(IdentityCard card, Prefill prefill) {
        return switch (prefill) {
            case NAME -> Optional.of(card.name());
            case GENDER -> Optional.of(card.gender().label());
            case BIRTH_DATE -> Optional.ofNullable(card.birthDate()).map(Object::toString);
            case ID_NUMBER -> Optional.of(card.idNumber());
            case VALID_UNTIL -> Optional.of(card.validUntil().map(Object::toString).orElse(FOR_LIFE));
            case NATION -> card instanceof IdentityCard.Resident r ? Optional.of(r.nation()) : Optional.empty();
            case ADDRESS -> switch (card) {
                case IdentityCard.Resident r -> Optional.of(r.address());
                case IdentityCard.HmtResidence h -> Optional.of(h.address());
                case IdentityCard.ForeignPermanent f -> Optional.empty();
            };
            case ISSUER -> switch (card) {
                case IdentityCard.Resident r -> Optional.of(r.issuer());
                case IdentityCard.HmtResidence h -> Optional.of(h.issuer());
                case IdentityCard.ForeignPermanent f -> Optional.empty();
            };
        };
    }
}
