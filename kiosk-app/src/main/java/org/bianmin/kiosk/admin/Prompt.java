package org.bianmin.kiosk.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.bianmin.kiosk.i18n.Messages;

/**
 * Something a staff screen says, as a bundle key and its arguments, so a view-model stays free of text and the
 * view renders it in the current language. Instants are shown as local date and time, roles by their bundle label
 * ({@code admin.role.OPERATOR}), a nested prompt as its own text.
 */
public record Prompt(String key, List<Object> args) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static Prompt of(String key, Object... args) {
        return new Prompt(key, List.of(args));
    }

    /** A staff step that threw instead of answering: what kind of failure (the details are in the log). */
    public static Prompt failed(Exception e) {
        return of("admin.failed", e.getClass().getSimpleName());
    }

    public String text(Messages m, ZoneId zone) {
        Object[] shown = args.stream()
                .map(a -> switch (a) {
                    case Instant at -> TIME.format(at.atZone(zone));
                    case AdminRole role -> m.of("admin.role", role);
                    case Prompt inner -> inner.text(m, zone);
                    default -> a;
                })
                .toArray();
        return m.get(key, shown);
    }
}
