package org.bianmin.protocol.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * A government service item (政务服务事项) with the elements of GB/T 39554.1-2020 that a citizen needs
 * at the kiosk. {@code code} is the implementation code (实施编码), unique within a catalogue. {@code en} holds the
 * English of the texts a citizen reads, or is {@code null}.
 */
public record ServiceItem(
        String code,
        String basicCode,
        String name,
        List<String> synonyms,
        ItemType type,
        String department,
        ImplementingBody implementingBody,
        List<ServiceObject> serviceObjects,
        List<String> legalBasis,
        List<String> conditions,
        List<String> process,
        List<Material> materials,
        HandlingType handlingType,
        TimeLimit legalTimeLimit,
        TimeLimit promisedTimeLimit,
        Fee fee,
        int visits,
        String place,
        String hours,
        String phone,
        String complaintPhone,
        boolean kioskHandleable,
        Result result,
        int popularity,
        FormDefinition form,
        English en) {

    public ServiceItem {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        serviceObjects = List.copyOf(serviceObjects);
        legalBasis = List.copyOf(legalBasis);
        conditions = List.copyOf(conditions);
        process = process == null ? List.of() : List.copyOf(process);
        materials = List.copyOf(materials);
    }

    public ServiceItem(String code, String basicCode, String name, List<String> synonyms, ItemType type,
                       String department, ImplementingBody implementingBody, List<ServiceObject> serviceObjects,
                       List<String> legalBasis, List<String> conditions, List<String> process,
                       List<Material> materials, HandlingType handlingType, TimeLimit legalTimeLimit,
                       TimeLimit promisedTimeLimit, Fee fee, int visits, String place, String hours, String phone,
                       String complaintPhone, boolean kioskHandleable, Result result, int popularity,
                       FormDefinition form) {
        this(code, basicCode, name, synonyms, type, department, implementingBody, serviceObjects, legalBasis,
                conditions, process, materials, handlingType, legalTimeLimit, promisedTimeLimit, fee, visits, place,
                hours, phone, complaintPhone, kioskHandleable, result, popularity, form, null);
    }

    public Optional<FormDefinition> formDefinition() {
        return Optional.ofNullable(form);
    }

    /** The item's English; {@link English#NONE} when the catalogue carries none. */
    public English english() {
        return en == null ? English.NONE : en;
    }

    /** 事项类型. */
    public enum ItemType { ADMINISTRATIVE_LICENSING, ADMINISTRATIVE_CONFIRMATION, ADMINISTRATIVE_PAYMENT,
        ADMINISTRATIVE_RULING, PUBLIC_SERVICE, OTHER }

    /** 服务对象. */
    public enum ServiceObject { PERSON, LEGAL_ENTITY }

    /** 办件类型: 即办 (decided on the spot) or 承诺 (decided within a promised time). */
    public enum HandlingType { IMMEDIATE, PROMISED }

    public record ImplementingBody(String name, String code) {}

    /** A legal or promised time limit, e.g. 20 working days. Zero means decided on the spot. */
    public record TimeLimit(int value, Unit unit) {
        public enum Unit { WORKING_DAYS, NATURAL_DAYS, HOURS }
    }

    /** Fee: free, or an amount with its legal basis. */
    public record Fee(boolean free, String description, String basis) {}

    /** Per material (申请材料). */
    public record Material(String name, MaterialForm form, boolean required, int copies, String source,
                           String notes) {
        public enum MaterialForm { PAPER, ELECTRONIC, PAPER_OR_ELECTRONIC }
    }

    /** What the applicant receives (审批结果). */
    public record Result(ResultType type, String name) {
        public enum ResultType { CERTIFICATE, APPROVAL_DOCUMENT, PAYMENT, INFORMATION, OTHER }
    }

    /**
     * The item's texts in English; any may be missing. Lists hold one entry per element of the Chinese list, in
     * its order ({@code materials}: one per material).
     */
    public record English(String name, String implementingBody, String result, List<String> conditions,
                          List<String> process, List<MaterialText> materials, String fee, String feeBasis,
                          String place, String hours, List<String> legalBasis) {
        /** No English at all. */
        public static final English NONE = new English(null, null, null, null, null, null, null, null, null, null,
                null);

        public English {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            process = process == null ? List.of() : List.copyOf(process);
            materials = materials == null ? List.of() : List.copyOf(materials);
            legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        }

        /** A material's name, source and notes in English. */
        public record MaterialText(String name, String source, String notes) {}
    }
}
