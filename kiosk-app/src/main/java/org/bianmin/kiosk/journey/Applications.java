package org.bianmin.kiosk.journey;

import java.util.function.Consumer;
import org.bianmin.protocol.catalogue.ServiceItem;

/** Starts an application for an item ("办理"): a fresh journey whose personal data dies with the session. */
public final class Applications implements Consumer<ServiceItem> {

    private final JourneyContext context;

    public Applications(JourneyContext context) {
        this.context = context;
    }

    @Override
    public void accept(ServiceItem item) {
        if (!item.kioskHandleable() || item.form() == null) {
            throw new IllegalArgumentException(item.code() + " cannot be handled at the kiosk");
        }
        Journey journey = new Journey(item);
        context.session().onEnd(journey::wipe);
        context.navigator().show(new IdentifyViewModel(context, journey));
    }
}
