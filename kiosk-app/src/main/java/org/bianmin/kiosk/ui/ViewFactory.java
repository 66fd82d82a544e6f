package org.bianmin.kiosk.ui;

import javafx.scene.Node;
import org.bianmin.kiosk.admin.PinPadView;
import org.bianmin.kiosk.admin.PinPadViewModel;
import org.bianmin.kiosk.browse.ItemListView;
import org.bianmin.kiosk.browse.ItemListViewModel;
import org.bianmin.kiosk.detail.ItemDetailView;
import org.bianmin.kiosk.detail.ItemDetailViewModel;
import org.bianmin.kiosk.home.HomeView;
import org.bianmin.kiosk.home.HomeViewModel;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.journey.ConsentViewModel;
import org.bianmin.kiosk.journey.FormViewModel;
import org.bianmin.kiosk.journey.IdentifyViewModel;
import org.bianmin.kiosk.journey.JourneyViews;
import org.bianmin.kiosk.journey.RatingViewModel;
import org.bianmin.kiosk.operator.OperatorPanelView;
import org.bianmin.kiosk.operator.OperatorPanelViewModel;
import org.bianmin.kiosk.journey.ReceiptViewModel;
import org.bianmin.kiosk.journey.ReviewViewModel;
import org.bianmin.kiosk.progress.ProgressView;
import org.bianmin.kiosk.progress.ProgressViewModel;
import org.bianmin.kiosk.search.SearchView;
import org.bianmin.kiosk.search.SearchViewModel;
import org.bianmin.kiosk.technician.TechnicianConsoleView;
import org.bianmin.kiosk.technician.TechnicianConsoleViewModel;

/** Renders a screen's view-model in the current language. Views hold no state of their own. */
public final class ViewFactory {

    private ViewFactory() {}

    public static Node render(Screen screen, Messages messages) {
        return switch (screen) {
            case HomeViewModel home -> HomeView.build(home, messages);
            case ItemListViewModel list -> ItemListView.build(list, messages);
            case SearchViewModel search -> SearchView.build(search, messages);
            case ProgressViewModel progress -> ProgressView.build(progress, messages);
            case ItemDetailViewModel detail -> ItemDetailView.build(detail, messages);
            case IdentifyViewModel identify -> JourneyViews.identify(identify, messages);
            case FormViewModel form -> JourneyViews.form(form, messages);
            case ConsentViewModel consent -> JourneyViews.consent(consent, messages);
            case ReviewViewModel review -> JourneyViews.review(review, messages);
            case ReceiptViewModel receipt -> JourneyViews.receipt(receipt, messages);
            case RatingViewModel rating -> JourneyViews.rating(rating, messages);
            case PinPadViewModel pad -> PinPadView.build(pad, messages);
            case OperatorPanelViewModel panel -> OperatorPanelView.build(panel, messages);
            case TechnicianConsoleViewModel console -> TechnicianConsoleView.build(console, messages);
            default -> throw new IllegalArgumentException("no view for " + screen.getClass().getName());
        };
    }
}
