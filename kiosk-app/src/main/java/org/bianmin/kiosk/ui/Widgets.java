package org.bianmin.kiosk.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** Small builders for the kiosk's recurring controls, so every screen looks and behaves alike. */
public final class Widgets {

    private Widgets() {}

    public static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        return label;
    }

    public static Button button(String id, String text, String styleClass, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add(styleClass);
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    /** A one-line label, for places whose height must not depend on wrapping (rows, tiles). */
    public static Label line(String text, String styleClass) {
        Label label = label(text, styleClass);
        label.setWrapText(false);
        return label;
    }

    /** A tile: big label over a smaller caption, the whole tile one touch target. */
    public static Button tile(String id, String title, String caption, Runnable action) {
        Button tile = button(id, null, "tile", action);
        // The title wraps: an English department name takes two lines where the Chinese takes one.
        Label heading = label(title, "tile-title");
        heading.setTextAlignment(TextAlignment.CENTER);
        VBox box = new VBox(heading, line(caption, "tile-caption"));
        box.setAlignment(Pos.CENTER);
        tile.setGraphic(box);
        return tile;
    }

    /** A two-column grid of labels and values; the label column takes {@code labelPercent} of the width. */
    public static GridPane labelledGrid(double labelPercent) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("detail-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setPercentWidth(labelPercent);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setPercentWidth(100 - labelPercent);
        grid.getColumnConstraints().addAll(labels, values);
        return grid;
    }

    /**
     * A vertical page that scrolls by touch (pannable) and never scrolls sideways.
     *
     * <p>Its viewport is not cached as a bitmap. JavaFX's {@code ScrollPaneSkin} caches it ({@code setCache(true)}),
     * and the cache's image comes from the effect framework's image pool, which keeps it, softly referenced, in its
     * "checked out" list until the cache is invalidated. A screen that is replaced is dropped without that, so every
     * page shown left a viewport-sized image behind: about 27 MiB of heap per citizen session in the soak, freed only
     * when the heap is nearly full (soft references), so the kiosk's heap and RSS climbed to the maximum heap. A page
     * repaints what scrolling exposes instead, which a kiosk, scrolled rarely and briefly, does not notice.
     */
    public static ScrollPane page(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("page");
        scroll.skinProperty().subscribe(skin -> {
            if (skin != null && scroll.lookup(".viewport") instanceof Node viewport) {
                viewport.setCache(false);
            }
        });
        return scroll;
    }

    /**
     * Scrolls the page holding {@code node} until it is in view: a field the citizen tapped must stay visible above
     * the keypad that opens for it (in elder mode the keypad takes half the screen). Runs after the next layout.
     */
    public static void reveal(Node node) {
        javafx.application.Platform.runLater(() -> {
            Node up = node.getParent();
            while (up != null && !(up instanceof ScrollPane)) {
                up = up.getParent();
            }
            if (up instanceof ScrollPane scroll && scroll.getContent() != null && node.getScene() != null) {
                // The keypad that opened for the field has changed the page's height: measure after layout.
                node.getScene().getRoot().applyCss();
                node.getScene().getRoot().layout();
                javafx.geometry.Bounds at = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double viewport = scroll.getViewportBounds().getHeight();
                double range = scroll.getContent().getLayoutBounds().getHeight() - viewport;
                double top = scroll.getVvalue() * range;
                if (range > 0 && (at.getMinY() < top || at.getMaxY() > top + viewport)) {
                    double wanted = at.getMinY() - Math.max(0, (viewport - at.getHeight()) / 3);
                    scroll.setVvalue(Math.min(1, Math.max(0, wanted / range)));
                }
            }
        });
    }

    /** A QR code drawn from ZXing's matrix: no image files, crisp at any size. */
    public static ImageView qr(String payload, int size, String id) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            WritableImage image = new WritableImage(matrix.getWidth(), matrix.getHeight());
            PixelWriter w = image.getPixelWriter();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    w.setColor(x, y, matrix.get(x, y) ? Color.BLACK : Color.WHITE);
                }
            }
            ImageView view = new ImageView(image);
            view.setId(id);
            return view;
        } catch (WriterException e) {
            throw new IllegalArgumentException("payload cannot be a QR code", e);
        }
    }
}
