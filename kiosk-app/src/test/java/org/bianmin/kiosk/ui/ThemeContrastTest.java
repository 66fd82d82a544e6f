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
import java.util.ArrayList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * WCAG 2.2 contrast of the theme's text/background pairs, read from the stylesheet itself: ≥ 4.5:1 in the
 * standard theme, ≥ 7:1 in the elder (high-contrast) theme; and, from the colours JavaFX paints, ≥ 4.5:1 for the text
 * of disabled controls and placeholders and ≥ 3:1 for the focus ring against the page.
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

    /**
     * What the stylesheet alone cannot tell: the colours JavaFX really paints once the theme is applied over its
     * built-in one (modena), for the states a citizen meets: a disabled button (modena fades every disabled node to
     * 40 % opacity, and opacity multiplies down the tree), a field's placeholder, focused or not (modena's is a 2:1
     * grey), and the focus ring around the field being typed into (modena's light blue), in both modes, on each
     * surface such controls sit on.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void disabledPlaceholderAndFocusColoursMeetTheirContrast(boolean elder) throws Exception {
        FxToolkit.registerPrimaryStage();
        List<String> failures = new ArrayList<>();
        FxToolkit.setupStage(stage -> {
            StackPane root = new StackPane();
            if (elder) {
                root.getStyleClass().add("elder");
            }
            HBox footer = new HBox(disabled(new Button("返回"), "nav"));
            footer.getStyleClass().add("footer");
            VBox page = new VBox(disabled(new Button("上一页"), "pager"), disabled(new Button("提交评价"), "primary"),
                    disabled(new Button("跳过"), "secondary"), disabled(new Button("下一步"), "next"),
                    disabled(new Button("1"), "key"), disabled(new ToggleButton("满意"), "choice"),
                    field("如用人单位、学校名称，可不填", "form-field"), field("意见建议（选填）", "form-field"),
                    field("输入事项名称或拼音首字母", "search-field"));
            page.getStyleClass().add("journey");
            HBox actions = new HBox(disabled(new Button("提交评价"), "primary"), disabled(new Button("下一步"), "next"));
            actions.getStyleClass().add("action-bar");
            root.getChildren().add(new VBox(page, actions, footer));
            Scene scene = new Scene(root, 1000, 1000);
            scene.getStylesheets().add(Widgets.class.getResource("kiosk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.asyncFx(() -> {
            Parent root = FxToolkit.toolkitContext().getRegisteredStage().getScene().getRoot();
            root.applyCss();
            root.layout();
            for (Node n : SceneGraph.visible(root, Labeled.class)) {
                Labeled l = (Labeled) n;
                if (l.isDisabled()) {
                    check(failures, "disabled " + SceneGraph.describe(l), painted((Color) l.getTextFill(), l),
                            painted(surface(l), l), 4.5);
                }
            }
            for (TextField field : SceneGraph.visible(root, TextField.class)) {
                for (boolean focused : List.of(false, true)) {
                    (focused ? field : root).requestFocus();
                    root.applyCss();
                    root.layout();
                    String where = SceneGraph.describe(field) + " '" + field.getPromptText() + "'"
                            + (focused ? " focused" : "");
                    Text prompt = (Text) field.lookupAll(".text").stream()
                            .filter(t -> t instanceof Text text && field.getPromptText().equals(text.getText()))
                            .findFirst().orElse(null);
                    if (prompt == null || !prompt.isVisible()) {
                        failures.add(where + ": the placeholder does not show");
                    } else {
                        check(failures, "placeholder of " + where, painted((Color) prompt.getFill(), field),
                                painted(surface(field), field), 4.5);
                    }
                    if (focused) {
                        // The ring is the field's outermost background fill, painted outside its edge on the page.
                        Color ring = (Color) field.getBackground().getFills().getFirst().getFill();
                        check(failures, "focus ring of " + where, painted(ring, field),
                                painted(surface(field.getParent()), field.getParent()), 3.0);
                    }
                }
            }
        }).get();
        FxToolkit.cleanupStages();
        assertThat(failures).as(elder ? "elder mode" : "standard mode").isEmpty();
    }

    private static <T extends javafx.scene.control.Control> T disabled(T control, String styleClass) {
        control.getStyleClass().add(styleClass);
        control.setDisable(true);
        return control;
    }

    private static TextField field(String prompt, String styleClass) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.getStyleClass().add(styleClass);
        return field;
    }

    private static void check(List<String> failures, String what, Color text, Color background, double minimum) {
        double ratio = contrast(text, background);
        if (ratio < minimum) {
            failures.add(String.format("%s: %s on %s is %.2f:1, under %.1f:1", what, text, background, ratio, minimum));
        }
    }

    /** The colour under a node's text: its own innermost opaque background fill, else that of the nearest parent. */
    private static Color surface(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    // A gradient (modena's field shading) is its last stop over most of the field.
                    Paint fill = fills.get(i).getFill() instanceof LinearGradient g ? g.getStops().getLast().getColor()
                            : fills.get(i).getFill();
                    if (fill instanceof Color c && c.getOpacity() == 1) {
                        return c;
                    }
                }
            }
        }
        return Color.WHITE;
    }

    /**
     * {@code colour} as the screen shows it: blended with what lies behind the node (its parent's surface) by the
     * node's opacity times every parent's.
     */
    private static Color painted(Color colour, Node node) {
        double opacity = colour.getOpacity();
        for (Node n = node; n != null; n = n.getParent()) {
            opacity *= n.getOpacity();
        }
        Color behind = node.getParent() == null ? Color.WHITE : surface(node.getParent());
        return behind.interpolate(Color.color(colour.getRed(), colour.getGreen(), colour.getBlue()), opacity);
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
        try (InputStream in = Widgets.class.getResourceAsStream("kiosk.css")) {
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
