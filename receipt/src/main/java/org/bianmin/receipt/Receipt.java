package org.bianmin.receipt;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import org.bianmin.protocol.text.TraditionalChinese;

/**
 * One receipt for one transaction at the kiosk. Both renderers (ESC/POS and PDF) print {@link #fields()} in the
 * same order, so the paper and the PDF always say the same thing.
 *
 * @param trackingPayload what the QR code carries: a tracking URL or token the citizen scans to follow progress
 * @param script          the characters it is printed in; given zh-CN texts, a {@link Script#TRADITIONAL} receipt
 *                        holds them converted, and its labels come out converted too. The applicant stays as the
 *                        card has it (masked).
 */
public record Receipt(String title, String receiptNumber, String itemName, String itemCode, Applicant applicant,
        OffsetDateTime issuedAt, Status status, List<String> nextSteps, String collectAt, String trackingPayload,
        String kioskId, String hallAddress, String hallPhone, Script script) {

    /** The characters a receipt is printed in: a 繁體 session's receipt is in Traditional characters. */
    public enum Script {
        SIMPLIFIED, TRADITIONAL;

        /** A zh-CN text in this script. */
        public String text(String simplified) {
            return this == TRADITIONAL ? TraditionalChinese.of(simplified) : simplified;
        }

        /** The language whose bundle texts (the status) are printed in this script. */
        public Locale locale() {
            return this == TRADITIONAL ? Locale.TRADITIONAL_CHINESE : Locale.SIMPLIFIED_CHINESE;
        }
    }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * Where the application stands when the receipt is issued: the one model the kiosk's receipt screen and the
     * printed roll both say, in the same words ({@code status_*.properties} of this package: zh-CN, zh-TW, en).
     */
    public enum Status {
        /** Sent, and the portal has it. */
        SUBMITTED,
        /** Decided on the spot (即办) by the portal before the receipt was printed. */
        COMPLETED,
        /** Stored at the kiosk; the outbox sends it when the portal is reachable. */
        SAVED_OFFLINE;

        private static final String BUNDLE = "org.bianmin.receipt.status";

        /** The status line as printed (zh-CN). */
        public final String label;

        Status() {
            this.label = text(Locale.SIMPLIFIED_CHINESE);
        }

        /** The status line in {@code locale} (zh-CN, zh-TW or en): what the receipt screen shows. */
        public String text(Locale locale) {
            return bundle(locale).getString(name());
        }

        /** What the citizen does next, a line each, in {@code locale}: printed under the status. */
        public List<String> nextSteps(Locale locale) {
            return List.of(bundle(locale).getString(name() + ".next").split("\n"));
        }

        private static ResourceBundle bundle(Locale locale) {
            // No fallback: a text missing in one language must not come out in another.
            return ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
    }

    /** A label and its value as printed. */
    public record Field(String label, String value) {}

    /** A receipt in Simplified characters. */
    public Receipt(String title, String receiptNumber, String itemName, String itemCode, Applicant applicant,
                   OffsetDateTime issuedAt, Status status, List<String> nextSteps, String collectAt,
                   String trackingPayload, String kioskId, String hallAddress, String hallPhone) {
        this(title, receiptNumber, itemName, itemCode, applicant, issuedAt, status, nextSteps, collectAt,
                trackingPayload, kioskId, hallAddress, hallPhone, Script.SIMPLIFIED);
    }

    public Receipt {
        requireText(title, "title");
        requireText(receiptNumber, "receiptNumber");
        requireText(itemName, "itemName");
        requireText(itemCode, "itemCode");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(status, "status");
        nextSteps = List.copyOf(Objects.requireNonNullElse(nextSteps, List.of()));
        collectAt = Objects.requireNonNullElse(collectAt, "");
        requireText(trackingPayload, "trackingPayload");
        requireText(kioskId, "kioskId");
        hallAddress = Objects.requireNonNullElse(hallAddress, "");
        hallPhone = Objects.requireNonNullElse(hallPhone, "");
        script = Objects.requireNonNullElse(script, Script.SIMPLIFIED);
        title = script.text(title);
        itemName = script.text(itemName);
        nextSteps = nextSteps.stream().map(script::text).toList();
        collectAt = script.text(collectAt);
        hallAddress = script.text(hallAddress);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("receipt field '" + field + "' is missing or blank");
        }
    }

    /** The body fields, in print order; empty values are left out. */
    public List<Field> fields() {
        List<Field> f = new ArrayList<>();
        f.add(new Field("回执编号", receiptNumber));
        f.add(new Field("办理事项", itemName));
        f.add(new Field("事项编码", itemCode));
        f.add(new Field("申请人", applicant.name()));
        f.add(new Field("证件号码", applicant.idNumber()));
        f.add(new Field("联系电话", applicant.phone()));
        f.add(new Field("办理时间", TIME.format(issuedAt)));
        f.add(new Field("办理状态", status.text(script.locale()))); // the words the screen shows
        return f.stream().filter(x -> !x.value().isBlank()).map(x -> new Field(script.text(x.label()), x.value()))
                .toList();
    }

    /** The footer lines: where the kiosk stands and how to call the hall. */
    public List<Field> footer() {
        List<Field> f = new ArrayList<>();
        f.add(new Field("终端编号", kioskId));
        f.add(new Field("大厅地址", hallAddress));
        f.add(new Field("咨询电话", hallPhone));
        return f.stream().filter(x -> !x.value().isBlank()).map(x -> new Field(script.text(x.label()), x.value()))
                .toList();
    }

    /** The sample receipt {@code kioskctl receipt pdf} prints without {@code --in}. */
    public static Receipt sample(Clock clock) {
        OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
        return new Receipt("便民服务受理回执", "FZ-GL-20261121-00042", "居民身份证换领（到期换证）",
                "350100-GA-0012", new Applicant("张三丰", "350102199001011234", "13812341234"), now,
                Status.SUBMITTED,
                List.of("请保持电话畅通，审核结果将以短信通知。", "制证完成后凭本回执和原身份证领取新证。"),
                "鼓楼区政务服务中心 一楼 3 号窗口（周一至周五 9:00–17:00）",
                "https://zwfw.example.gov.cn/track/FZ-GL-20261121-00042", "KIOSK-FZ-GL-007",
                "福州市鼓楼区五四路 158 号 政务服务中心", "0591-12345678");
    }
}
