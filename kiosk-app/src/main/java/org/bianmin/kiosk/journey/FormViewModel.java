package org.bianmin.kiosk.journey;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.protocol.catalogue.FormDefinition;
import org.bianmin.protocol.catalogue.FormDefinition.Field;

/**
 * The application form generated from the item's form definition: every field the identity card can fill is
 * prefilled and read-only (the ID number shown masked); only the rest is asked, validated inline.
 */
public final class FormViewModel implements Screen {

    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");

    /** One field on screen: its definition, value, whether the card filled it, and the inline error key. */
    public static final class Entry {
        private final Field field;
        private final StringProperty value = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
        private final boolean prefilled;
        private String shown;

        Entry(Field field, Optional<String> fromCard) {
            this.field = field;
            this.prefilled = fromCard.isPresent();
            fromCard.ifPresent(value::set);
            this.shown = field.prefill() == FormDefinition.Prefill.ID_NUMBER
                    ? fromCard.map(IdNumbers::mask).orElse("") : fromCard.orElse("");
            // An error once shown follows the typing: it goes as soon as the value is right, not at the next "next".
            value.addListener((o, was, now) -> {
                if (!error.get().isEmpty()) {
                    error.set(problem(field, now.strip()));
                }
            });
        }

        public Field field() {
            return field;
        }

        public StringProperty valueProperty() {
            return value;
        }

        public boolean prefilled() {
            return prefilled;
        }

        /** What the screen shows for a prefilled field (ID number masked), before {@link FieldWords}. */
        public String shownValue() {
            return shown;
        }

        void wipe() {
            error.set("");
            value.set("");
            shown = "";
        }

        /** The message key of the current validation error, or empty. */
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }

    private final JourneyContext context;
    private final Journey journey;
    private final List<Entry> entries;

    public FormViewModel(JourneyContext context, Journey journey) {
        this.context = context;
        this.journey = journey;
        IdentityCard card = journey.card().orElseThrow(() -> new IllegalStateException("form before identity"));
        this.entries = journey.item().form().fields().stream()
                .map(f -> new Entry(f, Optional.ofNullable(f.prefill()).flatMap(p -> Prefills.value(card, p))))
                .toList();
        entries.stream().filter(e -> !e.prefilled())
                .forEach(e -> e.valueProperty().set(journey.values().getOrDefault(e.field().key(), "")));
        context.session().onEnd(() -> entries.forEach(Entry::wipe));
    }

    public Journey journey() {
        return journey;
    }

    /** The on-screen pinyin input method, for fields that take Chinese text. */
    public Optional<org.bianmin.kiosk.ime.PinyinIme> ime() {
        return Optional.of(context.ime());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Validates every field; when all are fine, records the values and moves on to consent. */
    public boolean next() {
        boolean ok = true;
        for (Entry e : entries) {
            String problem = e.prefilled() ? "" : problem(e.field(), e.valueProperty().get().strip());
            e.error.set(problem);
            ok &= problem.isEmpty();
        }
        if (!ok) {
            return false;
        }
        journey.values().clear();
        entries.forEach(e -> journey.values().put(e.field().key(), e.valueProperty().get().strip()));
        context.navigator().show(new ConsentViewModel(context, journey));
        return true;
    }

    static String problem(Field field, String value) {
        if (value.isEmpty()) {
            return field.required() ? "form.error.required" : "";
        }
        if (field.maxLength() != null && value.length() > field.maxLength()) {
            return "form.error.tooLong";
        }
        boolean typeOk = switch (field.type()) {
            case PHONE -> PHONE.matcher(value).matches();
            case NUMBER -> NUMBER.matcher(value).matches();
            case DATE -> isDate(value);
            case CHOICE -> field.options().contains(value);
            case ID_NUMBER -> IdNumbers.check(value) == IdNumbers.Check.VALID;
            case TEXT -> true;
        };
        if (!typeOk) {
            return "form.error." + field.type().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(value).matches()) {
            return "form.error.pattern";
        }
        return "";
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException notADay) {
            try {
                YearMonth.parse(value);
                return true;
            } catch (DateTimeParseException notAMonth) {
                return false;
            }
        }
    }
}
