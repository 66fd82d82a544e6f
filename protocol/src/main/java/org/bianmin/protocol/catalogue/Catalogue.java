package org.bianmin.protocol.catalogue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One published version of the service catalogue: everything a kiosk shows and lets citizens apply for.
 * The JSON form is specified by {@code docs/schema/catalogue.schema.json}. Text is zh-CN; an element may carry an
 * optional {@code en} with its English (the kiosk's English screens), {@code null} when the catalogue has none.
 */
public record Catalogue(
        String format,
        long version,
        OffsetDateTime publishedAt,
        Region region,
        Hall hall,
        List<Department> departments,
        List<Topic> topics,
        List<ServiceItem> items) {

    public static final String FORMAT = "bianmin-catalogue/1";

    public Catalogue {
        departments = List.copyOf(departments);
        topics = topics == null ? List.of() : List.copyOf(topics);
        items = List.copyOf(items);
    }

    /** The administrative region the catalogue was published for, e.g. 350102 福州市鼓楼区. */
    public record Region(String code, String name) {}

    /** The service hall the kiosk stands in; printed on receipts. */
    public record Hall(String name, String address, String phone, String hours, English en) {
        public Hall(String name, String address, String phone, String hours) {
            this(name, address, phone, hours, null);
        }

        /** The hall in English; any element may be missing. */
        public record English(String name, String address, String hours) {}
    }

    /** A department tile on the home screen (公安, 人社, 医保…). */
    public record Department(String code, String name, String shortName, int order, English en) {
        public Department(String code, String name, String shortName, int order) {
            this(code, name, shortName, order, null);
        }

        /** The department in English: its name and the tile label. */
        public record English(String name, String shortName) {}
    }

    /** A life-event tile (出生, 就业, 退休…) that groups items across departments. */
    public record Topic(String code, String name, List<String> itemCodes, English en) {
        public Topic {
            itemCodes = List.copyOf(itemCodes);
        }

        public Topic(String code, String name, List<String> itemCodes) {
            this(code, name, itemCodes, null);
        }

        /** The tile in English. */
        public record English(String name) {}
    }

    public Optional<ServiceItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Department> department(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public List<ServiceItem> itemsOf(Department department) {
        return items.stream().filter(i -> i.department().equals(department.code())).toList();
    }

    public Map<String, ServiceItem> itemsByCode() {
        return items.stream().collect(Collectors.toMap(ServiceItem::code, Function.identity()));
    }
}
