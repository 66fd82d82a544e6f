package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A page ({@link Widgets#page}) keeps no bitmap cache: JavaFX's scroll pane skin caches its viewport, and that cache's
 * image stays in the effect framework's image pool after the screen is dropped (the soak's ~27 MiB per session).
 */
class PageCacheTest {

    @Test
    void aShownPageCachesNoNodeAsABitmap() throws Exception {
        FxToolkit.registerPrimaryStage();
        ScrollPane[] page = new ScrollPane[1];
        FxToolkit.setupStage(stage -> {
            Region tall = new Region();
            tall.setPrefHeight(2000); // taller than the window: the page really scrolls
            page[0] = Widgets.page(new VBox(tall));
            stage.setScene(new Scene(page[0], 400, 300));
            stage.show();
        });
        record Seen(boolean skinned, boolean hasViewport, List<String> cached) {}
        Seen seen = WaitForAsyncUtils.asyncFx(() -> {
            page[0].applyCss();
            page[0].layout();
            List<String> cached = new ArrayList<>();
            collectCached(page[0], cached);
            return new Seen(page[0].getSkin() != null, page[0].lookup(".viewport") != null, cached);
        }).get(30, TimeUnit.SECONDS);

        assertThat(seen.skinned()).as("the page's skin is installed").isTrue();
        assertThat(seen.hasViewport()).as("the skin's viewport is where the fix looks for it").isTrue();
        assertThat(seen.cached()).as("nodes cached as a bitmap").isEmpty();
    }

    private static void collectCached(Node node, List<String> cached) {
        if (node.isCache()) {
            cached.add(node.getClass().getSimpleName() + node.getStyleClass());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collectCached(child, cached));
        }
    }
}
