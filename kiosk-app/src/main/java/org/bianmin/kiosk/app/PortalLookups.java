package org.bianmin.kiosk.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bianmin.cache.outbox.Outbox;
import org.bianmin.cache.outbox.OutboxEntry;
import org.bianmin.cache.sync.HolderStatus;
import org.bianmin.cache.sync.ReceiptStatus;
import org.bianmin.cache.sync.SubmissionPayloads;
import org.bianmin.cache.sync.SyncEngine;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.journey.Delivery;
import org.bianmin.kiosk.journey.EidCodes;
import org.bianmin.kiosk.progress.HolderProgress;
import org.bianmin.kiosk.progress.ProgressViewModel;
import org.bianmin.protocol.api.ReceiptNumbers;
import org.bianmin.protocol.api.SubmissionStatus;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the screens ask the portal, completed by this kiosk's outbox: a receipt's status, a holder's applications,
 * delivery at once after a submit, e-ID checks. Without a portal credential ({@code sync} empty) the outbox alone
 * answers. Blocking calls say so; none runs on the FX thread.
 */
final class PortalLookups {

    private static final Logger LOG = LoggerFactory.getLogger(PortalLookups.class);
    /** How long the review screen waits for the portal before promising "saved, will be sent". */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(5);

    private final Optional<SyncEngine> sync;
    private final Outbox outbox;
    private final Supplier<Catalogue> catalogue;

    PortalLookups(Optional<SyncEngine> sync, Outbox outbox, Supplier<Catalogue> catalogue) {
        this.sync = sync;
        this.outbox = outbox;
        this.catalogue = catalogue;
    }

    /**
     * The portal's answer when it is reachable, else the last one heard; an application this kiosk made and the
     * portal does not know says it is queued here. The number is taken as the citizen means it (O and I read as 0
     * and 1, {@link ReceiptNumbers#readBack}). Blocks up to the portal's request timeout.
     */
    ReceiptStatus receipt(String typed) {
        String receiptNumber = ReceiptNumbers.readBack(typed).orElse(typed);
        ReceiptStatus status = sync.map(engine -> engine.lookup(receiptNumber))
                .orElseGet(() -> new ReceiptStatus.Unknown("no portal credential"));
        if (status instanceof ReceiptStatus.Unknown && outbox.entry(receiptNumber).isPresent()) {
            return new ReceiptStatus.Unknown(ProgressViewModel.QUEUED_HERE);
        }
        return status;
    }

    /**
     * A holder's applications: the portal's (by keyed hash), and those still waiting in this kiosk's outbox.
     * Blocks up to two of the portal's request timeouts.
     */
    HolderProgress holder(String idNumber) {
        HolderStatus portal = sync.map(engine -> engine.lookupHolder(idNumber))
                .orElseGet(() -> new HolderStatus.Unavailable("no portal credential"));
        List<OutboxEntry> queued = outbox.undelivered(SubmissionPayloads.applicationBy(idNumber));
        Map<String, ServiceItem> items = catalogue.get().itemsByCode();
        return HolderProgress.of(IdNumbers.mask(idNumber), portal, queued,
                code -> Optional.ofNullable(items.get(code)).map(Content::name).orElse(Content.word(code)));
    }

    /**
     * Delivers at once when the portal answers within {@link #DELIVERY_WAIT}, else the outbox keeps trying. The
     * sync thread sends; the receipt's status is then asked on {@code lookups}; the caller never waits.
     */
    Delivery delivery(Executor lookups) {
        return sync.<Delivery>map(engine -> receiptNumber -> engine.deliverNow()
                .thenApplyAsync(pass -> engine.lookup(receiptNumber) instanceof ReceiptStatus.Live(var status)
                        ? Optional.of(status) : Optional.<SubmissionStatus>empty(), lookups)
                .orTimeout(DELIVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    LOG.info("receipt {} queued: portal not confirmed ({})", receiptNumber, e.toString());
                    return Optional.empty();
                })).orElse(Delivery.offline());
    }

    /** e-ID codes are offered where a scanner can read them, and verified by the portal. */
    EidCodes eidCodes(boolean scanner) {
        return sync.map(engine -> new EidCodes(scanner, engine::verifyEid))
                .orElseGet(() -> EidCodes.withoutPortal(scanner));
    }
}
