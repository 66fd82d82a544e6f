package org.bianmin.kiosk.journey;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.bianmin.cache.audit.Actor;
import org.bianmin.cache.audit.AuditLog;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.outbox.Outbox;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.kiosk.session.KioskSession;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.protocol.catalogue.Catalogue;

/**
 * What the citizen journey works with. Device and storage calls run on their own executors and report back
 * through {@code ui} (the FX thread in the app, the calling thread in tests), so the screen never freezes.
 *
 * @param printer  empty when this kiosk has no receipt printer configured
 * @param delivery how a stored application reaches the portal at once when it is reachable
 * @param eid      identification by a scanned e-ID code
 * @param devices  the ID-card reader's thread; {@code printing} the printer's, so neither waits for the other
 */
public record JourneyContext(
        String kioskId,
        Catalogue.Hall hall,
        long catalogueVersion,
        Clock clock,
        Navigator navigator,
        KioskSession session,
        IdCardReader reader,
        Optional<EscPosPrinter> printer,
        Outbox outbox,
        Delivery delivery,
        EidCodes eid,
        org.bianmin.kiosk.ime.PinyinIme ime,
        AuditLog audit,
        Executor ui,
        ExecutorService devices,
        ExecutorService printing,
        ExecutorService storage) {

    /** Records what happened in this citizen's session (never personal data) on the storage thread. */
    void audit(String event, Outcome outcome, String detail) {
        Actor actor = Actor.citizenSession(session.id());
        storage.execute(() -> audit.append(actor, event, outcome, detail));
    }
}
