package org.bianmin.kiosk.journey;

import org.bianmin.device.idcard.Nations;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.protocol.catalogue.FormDefinition.Field;
import org.bianmin.protocol.catalogue.FormDefinition.Prefill;

/**
 * How a form value reads on screen. Words read in the citizen's language: a choice (临时挂失) as the catalogue
 * translates it, and off the card 性别 and 长期 from the bundles and 民族 converted to 繁體 or in English. Data (name, numbers,
 * address) shows as it is. Only the screen changes: the department always gets the value itself.
 */
final class FieldWords {

    private FieldWords() {}

    /** {@code value} as shown ({@code value} already masked where the screen masks it). */
    static String shown(Messages m, Field field, String value) {
        if (field.prefill() == null) {
            return field.options().contains(value) ? m.show(Content.option(field, value)) : value;
        }
        if (field.prefill() == Prefill.NATION) {
            return m.show(new Content(value, Nations.english(value).orElse(null)));
        }
        return Prefills.wordKey(field.prefill(), value).map(m::get).orElse(value);
    }
}
