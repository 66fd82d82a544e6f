package org.bianmin.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key kiosk-app's code names as a string literal is in all three bundles, read as files (no
 * fallback from one language to another): {@code m.get("…")}, {@code Prompt.of("…")}, keys kept in a view-model's
 * property ({@code error.set("review.error.storage")}), and prefixes of composed keys ({@code m.of("admin.role",
 * role)}, {@code "identify.error." + kind}), which must begin at least one key. A literal counts as a key when its
 * first segment is one of the bundles' (so {@code "kiosk.css"} and logger names do not); audit event names, which
 * share those segments, are the first argument of {@code audit(…)}, {@code record(…)}, {@code append(…)} or
 * {@code done(…)} and are not keys.
 */
class MessageKeysInCodeTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_-]+)+\\.?)\"");
    private static final Pattern AUDIT_EVENT = Pattern.compile(
            "\\b(?:audit|record|append|done)\\((?:[^\"()]|\\([^()]*\\))*$");

    @Test
    void everyKeyNamedInCodeIsInEveryBundle() throws IOException {
        Map<Language, Set<String>> bundles = new TreeMap<>();
        for (Language language : Language.values()) {
            bundles.put(language, keys(language));
        }
        Set<String> segments = bundles.get(Language.ZH_CN).stream().map(k -> k.substring(0, k.indexOf('.') + 1))
                .collect(Collectors.toSet());
        Map<String, String> used = usedKeys(segments);
        assertThat(used).as("keys found in the code").hasSizeGreaterThan(250);
        List<String> missing = new ArrayList<>();
        used.forEach((key, where) -> bundles.forEach((language, keys) -> {
            boolean prefix = key.endsWith(".");
            boolean present = keys.contains(key) || keys.stream().anyMatch(k -> k.startsWith(prefix ? key : key + "."));
            if (!present) {
                missing.add(language.tag() + ": " + key + " (" + where + ")");
            }
        }));
        assertThat(missing).as("keys named in code, missing from a bundle").isEmpty();
    }

    /** Key literals (and key prefixes) in the main sources, each with the first place it is named. */
    private static Map<String, String> usedKeys(Set<String> segments) throws IOException {
        Map<String, String> used = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = LITERAL.matcher(lines.get(i));
                    while (m.find()) {
                        String literal = m.group(1);
                        String segment = literal.substring(0, literal.indexOf('.') + 1);
                        if (segments.contains(segment)
                                && !AUDIT_EVENT.matcher(lines.get(i).substring(0, m.start())).find()) {
                            used.putIfAbsent(literal, SOURCES.relativize(file) + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        return used;
    }

    /** The keys of one language's bundle file itself, without ResourceBundle's fallback to another. */
    private static Set<String> keys(Language language) throws IOException {
        String name = "messages_" + language.locale().toString() + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p.stringPropertyNames();
        }
    }
}
