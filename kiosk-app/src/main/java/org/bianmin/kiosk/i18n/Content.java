package org.bianmin.kiosk.i18n;

import java.util.ArrayList;
import java.util.List;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.FormDefinition;
import org.bianmin.protocol.catalogue.ServiceItem;

/**
 * A text of the catalogue (or a word off the identity card) as the screen shows it: its zh-CN words and the
 * catalogue's English, {@code null} when it has none. {@link Messages#show} picks the citizen's language: 繁體 is
 * converted from the zh-CN words, English falls back to them. What goes to the department is always the zh-CN.
 */
public record Content(String chinese, String english) {

    /** A word with no English in the catalogue (民族 off the card): converted to 繁體, in English shown as it is. */
    public static Content word(String chinese) {
        return new Content(chinese, null);
    }

    public static Content name(ServiceItem item) {
        return new Content(item.name(), item.english().name());
    }

    public static Content name(Catalogue.Department department) {
        return new Content(department.name(), department.en() == null ? null : department.en().name());
    }

    /** The department's tile label. */
    public static Content tile(Catalogue.Department department) {
        return new Content(department.shortName(), department.en() == null ? null : department.en().shortName());
    }

    public static Content name(Catalogue.Topic topic) {
        return new Content(topic.name(), topic.en() == null ? null : topic.en().name());
    }

    public static Content name(Catalogue.Hall hall) {
        return new Content(hall.name(), hall.en() == null ? null : hall.en().name());
    }

    public static Content label(FormDefinition.Field field) {
        return new Content(field.label(), field.en() == null ? null : field.en().label());
    }

    /** The field's hint; empty when it has none. */
    public static Content hint(FormDefinition.Field field) {
        return new Content(field.hint() == null ? "" : field.hint(), field.en() == null ? null : field.en().hint());
    }

    /** A choice of a CHOICE field, by its value (the department's word). */
    public static Content option(FormDefinition.Field field, String value) {
        int index = field.options().indexOf(value);
        List<String> english = field.en() == null ? List.of() : field.en().options();
        return new Content(value, index >= 0 && index < english.size() ? english.get(index) : null);
    }

    /** Each element of a catalogue list with its English, where the English list has one per element. */
    public static List<Content> list(List<String> chinese, List<String> english) {
        List<Content> out = new ArrayList<>(chinese.size());
        for (int i = 0; i < chinese.size(); i++) {
            out.add(new Content(chinese.get(i), english.size() == chinese.size() ? english.get(i) : null));
        }
        return out;
    }
}
