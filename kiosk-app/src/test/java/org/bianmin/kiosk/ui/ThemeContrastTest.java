package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.2 contrast of the theme's text/background pairs, read from the stylesheet itself: ≥ 4.5:1 in the
 * standard theme, ≥ 7:1 in the elder (high-contrast) theme.
 */
class ThemeContrastTest {

    /** Text colour on background colour, as the stylesheet pairs them. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"-kiosk-ink", "-kiosk-page"},
            new String[] {"-kiosk-ink", "white"},
            new String[] {"-kiosk-muted", "-kiosk-page"},
            new String[] {"-kiosk-muted", "white"},
            new String[] {"white", "-kiosk-brand"},
            new String[] {"-kiosk-brand-dark", "white"},
            new String[] {"-kiosk-brand-dark", "-kiosk-page"},
            new String[] {"white", "-kiosk-ok"},
            new String[] {"white", "-kiosk-info"},
            new String[] {"-kiosk-info", "white"},
            new String[] {"-kiosk-ink", "#f4f1ec"},
            new String[] {"-kiosk-muted", "#f4f1ec"});

    @Test
    void standardThemeMeetsAA() throws IOException {
        assertPairs(palette(false), 4.5);
    }

    @Test
    void elderThemeMeetsAAA() throws IOException {
        assertPairs(palette(true), 7.0);
    }

    @Test
    void contrastFormulaMatchesKnownValues() {
        assertThat(contrast(Color.BLACK, Color.WHITE)).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast(Color.web("#777777"), Color.WHITE)).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
    }

    /** Every rule that sets both a text and a background colour (banners, prefilled fields…) is a pair too. */
    @Test
    void everyRuleWithTextOnItsOwnBackgroundMeetsAA() throws IOException {
        Map<String, Color> palette = palette(false);
        List<String[]> pairs = rulesWithTextOnBackground(stylesheet());
        assertThat(pairs).as("the stylesheet has such rules").hasSizeGreaterThan(5);
        for (String[] pair : pairs) {
            assertThat(contrast(colour(palette, pair[1]), colour(palette, pair[2])))
                    .as(pair[0] + ": " + pair[1] + " on " + pair[2]).isGreaterThanOrEqualTo(4.5);
        }
    }

    private static List<String[]> rulesWithTextOnBackground(String css) {
        List<String[]> pairs = new java.util.ArrayList<>();
        Matcher rule = Pattern.compile("([^{}]+)\\{([^}]*)\\}").matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        Pattern text = Pattern.compile("-fx-text-fill:\\s*([#\\w-]+)");
        Pattern background = Pattern.compile("-fx-background-color:\\s*([#\\w-]+)");
        while (rule.find()) {
            Matcher t = text.matcher(rule.group(2));
            Matcher b = background.matcher(rule.group(2));
            if (t.find() && b.find() && !b.group(1).equals("transparent")) {
                pairs.add(new String[] {rule.group(1).strip(), t.group(1), b.group(1)});
            }
        }
        return pairs;
    }

    private static Color colour(Map<String, Color> palette, String name) {
        return palette.containsKey(name) ? palette.get(name) : Color.web(name);
    }

    private static void assertPairs(Map<String, Color> palette, double minimum) {
        for (String[] pair : PAIRS) {
            double ratio = contrast(colour(palette, pair[0]), colour(palette, pair[1]));
            assertThat(ratio).as(pair[0] + " on " + pair[1]).isGreaterThanOrEqualTo(minimum);
        }
    }

    private static String stylesheet() throws IOException {
        try (InputStream in = KioskShell.class.getResourceAsStream("kiosk.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The looked-up colours of {@code .root}, overridden by {@code .root.elder} when asked. */
    private static Map<String, Color> palette(boolean elder) throws IOException {
        String css = stylesheet();
        Map<String, Color> colours = new HashMap<>(Map.of("white", Color.WHITE));
        colours.putAll(block(css, "\\.root\\s*\\{"));
        if (elder) {
            colours.putAll(block(css, "\\.root\\.elder\\s*\\{"));
        }
        return colours;
    }

    private static Map<String, Color> block(String css, String selector) {
        Matcher start = Pattern.compile(selector).matcher(css);
        assertThat(start.find()).as("stylesheet has " + selector).isTrue();
        String body = css.substring(start.end(), css.indexOf('}', start.end()));
        Map<String, Color> found = new HashMap<>();
        Matcher m = Pattern.compile("(-kiosk-[a-z-]+):\\s*(#[0-9a-fA-F]{6})").matcher(body);
        while (m.find()) {
            found.put(m.group(1), Color.web(m.group(2)));
        }
        return found;
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
