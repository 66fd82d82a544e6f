package org.bianmin.kiosk.ui;

import javafx.scene.Node;
import org.bianmin.kiosk.browse.ItemListView;
import org.bianmin.kiosk.browse.ItemListViewModel;
import org.bianmin.kiosk.detail.ItemDetailView;
import org.bianmin.kiosk.detail.ItemDetailViewModel;
import org.bianmin.kiosk.home.HomeView;
import org.bianmin.kiosk.home.HomeViewModel;
import org.bianmin.kiosk.i18n.Messages;

/** Renders a screen's view-model in the current language. Views hold no state of their own. */
public final class ViewFactory {

    private ViewFactory() {}

    public static Node render(Screen screen, Messages messages) {
        return switch (screen) {
            case HomeViewModel home -> HomeView.build(home, messages);
            case ItemListViewModel list -> ItemListView.build(list, messages);
            case ItemDetailViewModel detail -> ItemDetailView.build(detail, messages);
            default -> throw new IllegalArgumentException("no view for " + screen.getClass().getName());
        };
    }
}
