package org.bianmin.kiosk.journey;

import org.bianmin.kiosk.ui.Screen;

/**
 * The separate, plain-language consent to process personal information for this one item (PIPL: ID numbers
 * are sensitive). Nothing is submitted without it; declining ends the session and wipes what was entered.
 */
public final class ConsentViewModel implements Screen {

    private final JourneyContext context;
    private final Journey journey;

    public ConsentViewModel(JourneyContext context, Journey journey) {
        this.context = context;
        this.journey = journey;
    }

    public Journey journey() {
        return journey;
    }

    public void agree() {
        if (journey.card().isEmpty()) {
            return; // the session ended under this screen: nothing is left to consent to
        }
        journey.consent();
        context.navigator().show(new ReviewViewModel(context, journey));
    }

    public void decline() {
        context.session().end();
    }
}
