package org.bianmin.kiosk.ui;

import java.util.List;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Messages;

/** A list shown a page at a time: the page's items, then large "previous" / "more" buttons when it is paged. */
public final class PagerView {

    private PagerView() {}

    /**
     * @param id         prefix of the buttons' ids ({@code id-previous}, {@code id-next})
     * @param renderPage the nodes of one page's items
     */
    public static <T> VBox paged(String id, Pager pager, List<T> items, Function<List<T>, Node> renderPage,
                                 Messages m) {
        VBox box = new VBox();
        box.getStyleClass().add("paged");
        render(box, id, pager, items, renderPage, m);
        return box;
    }

    private static <T> void render(VBox box, String id, Pager pager, List<T> items,
                                   Function<List<T>, Node> renderPage, Messages m) {
        int total = items.size();
        box.getChildren().setAll(renderPage.apply(pager.visible(items)));
        if (pager.pages(total) == 1) {
            return;
        }
        Button previous = Widgets.button(id + "-previous", m.get("pager.previous"), "pager", () -> {
            pager.previous(total);
            render(box, id, pager, items, renderPage, m);
        });
        previous.setDisable(!pager.hasPrevious(total));
        Button next = Widgets.button(id + "-next", m.get("pager.next"), "pager", () -> {
            pager.next(total);
            render(box, id, pager, items, renderPage, m);
        });
        next.setDisable(!pager.hasNext(total));
        HBox bar = new HBox(previous, Widgets.line(m.get("pager.position", pager.page(total) + 1, pager.pages(total)),
                "pager-position"), next);
        bar.getStyleClass().add("pager-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().add(bar);
    }
}
