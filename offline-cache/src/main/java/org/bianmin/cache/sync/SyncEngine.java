package org.bianmin.cache.sync;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.bianmin.cache.catalogue.CatalogueStore;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.CatalogueAnnouncement;
import org.bianmin.protocol.api.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's background link to the portal, all on one "kiosk-sync" thread with an explicit {@link Clock}:
 * catalogue sync (event-stream push, polling while the stream is down), outbox delivery and heartbeats.
 * A tick every {@value #TICK_MS} ms decides, by the clock, what is due; the {@code …Now} methods run one step
 * on the same thread and hand back its result (the UI and tests use them, never blocking the FX thread).
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    static final long TICK_MS = 200;
    /** While the stream is up, a slow safety poll still runs in case an announcement was lost. */
    private static final int POLL_FACTOR_WHILE_STREAMING = 10;

    private final SyncSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final HttpClient http;
    private final PortalClient client;
    private final CatalogueSync catalogue;
    private final OutboxSender sender;
    private final ReceiptLookup lookup;
    private final EidLookup eid;
    private final HolderLookup holders;
    private final EventStream events;
    private final OutboxPort outbox;
    private final Supplier<List<Heartbeat.DeviceReport>> devices;
    private final Supplier<List<Heartbeat.Check>> selfCheck;
    private final List<SyncAlert> recentAlerts = new CopyOnWriteArrayList<>();
    private volatile CheckResult lastCheck;
    private final RandomGenerator random;
    private Instant nextPoll = Instant.MIN;
    private Instant nextHeartbeat = Instant.MIN;
    private Instant nextDelivery = Instant.MIN;
    private Instant nextConnect = Instant.MIN;
    private int connectFailures;

    /** An engine whose heartbeats carry no self-check results. */
    public SyncEngine(SyncSettings settings, Clock clock, CatalogueStore store, OutboxPort outbox,
                      Supplier<List<Heartbeat.DeviceReport>> devices, Consumer<SyncAlert> alerts,
                      RandomGenerator random) {
        this(settings, clock, store, outbox, devices, List::of, alerts, random);
    }

    /**
     * @param devices   what the device layer reports for heartbeats (the app supplies it; this module knows no devices)
     * @param selfCheck the kiosk's start-up self-check, for heartbeats
     * @param alerts    operator-visible alerts (also kept in {@link #recentAlerts()})
     */
    public SyncEngine(SyncSettings settings, Clock clock, CatalogueStore store, OutboxPort outbox,
                      Supplier<List<Heartbeat.DeviceReport>> devices, Supplier<List<Heartbeat.Check>> selfCheck,
                      Consumer<SyncAlert> alerts, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.outbox = outbox;
        this.devices = devices;
        this.selfCheck = selfCheck;
        this.random = random;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiosk-sync");
            t.setDaemon(true);
            return t;
        });
        Consumer<SyncAlert> alerting = alert -> {
            recentAlerts.add(alert);
            while (recentAlerts.size() > 50) {
                recentAlerts.removeFirst();
            }
            alerts.accept(alert);
        };
        this.http = PortalClient.newHttpClient(settings);
        this.client = new PortalClient(settings, http, clock);
        this.catalogue = new CatalogueSync(client, settings, store, clock, alerting);
        this.lookup = new ReceiptLookup(client, settings, clock);
        this.eid = new EidLookup(client, settings);
        this.holders = new HolderLookup(client, settings, clock);
        this.sender = new OutboxSender(client, settings, outbox, clock, alerting, random, holders::key);
        this.events = new EventStream(client, http, settings, clock, this::announced);
    }

    /** Starts the background ticks (push, polling, delivery, heartbeats). */
    public SyncEngine start() {
        executor.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    public CompletableFuture<CatalogueCheck> checkCatalogueNow() {
        return onSyncThread(this::checkCatalogue);
    }

    /** The result of the last catalogue check (scheduled, pushed or asked for) and when it ended, for operators. */
    public Optional<CheckResult> lastCatalogueCheck() {
        return Optional.ofNullable(lastCheck);
    }

    public record CheckResult(CatalogueCheck check, Instant at) {}

    private CatalogueCheck checkCatalogue() {
        CatalogueCheck check = catalogue.check();
        lastCheck = new CheckResult(check, clock.instant());
        return check;
    }

    public CompletableFuture<DeliveryPass> deliverNow() {
        return onSyncThread(sender::deliver);
    }

    public CompletableFuture<Boolean> sendHeartbeatNow() {
        return onSyncThread(this::heartbeat);
    }

    /**
     * Runs {@code task} on the sync thread after the work queued there: how a watchdog sees that the thread still
     * works. Each step on it is bounded by its timeouts and a delivery pass by {@code OutboxSender.PASS_BUDGET}.
     */
    public void post(Runnable task) {
        executor.execute(task);
    }

    /** Asks the outbox to be sent soon (after the kiosk stored a new submission). */
    public void wake() {
        executor.execute(() -> nextDelivery = Instant.MIN);
    }

    /** Blocks up to the request timeout: call from a background thread. */
    public ReceiptStatus lookup(String receiptNumber) {
        return lookup.lookup(receiptNumber);
    }

    /**
     * The applications of the holder of {@code idNumber} at the portal (only a keyed hash of the number travels).
     * Blocks up to two request timeouts: call off the FX thread.
     */
    public HolderStatus lookupHolder(String idNumber) {
        return holders.lookup(idNumber);
    }

    /** Has the portal verify a scanned e-ID code. Blocks up to the request timeout: call off the FX thread. */
    public EidCheck verifyEid(String token) {
        return eid.verify(token);
    }

    public boolean streaming() {
        return events.isOpen();
    }

    public List<SyncAlert> recentAlerts() {
        return List.copyOf(recentAlerts);
    }

    public Optional<Instant> lastSync() {
        return catalogue.lastSync();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        events.close();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Not close(): that waits for exchanges in flight, and shutting the kiosk down must not wait on the network.
        http.shutdownNow();
    }

    private <T> CompletableFuture<T> onSyncThread(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            superviseStream(now);
            if (!now.isBefore(nextPoll)) {
                log(checkCatalogue());
                Duration every = events.isOpen()
                        ? settings.pollInterval().multipliedBy(POLL_FACTOR_WHILE_STREAMING) : settings.pollInterval();
                nextPoll = clock.instant().plus(every);
            }
            if (!now.isBefore(nextDelivery)) {
                DeliveryPass pass = sender.deliver();
                // Paused (the portal looks unwell): resume exactly at the pause's end, not an interval on top.
                // Otherwise look again after the interval: entries put back wait for their own backoff.
                Instant ended = clock.instant();
                // Out of budget with more to send: go on at the next tick, once the other steps have had their turn.
                nextDelivery = pass.more() ? ended
                        : pass.resumeAt().isAfter(ended) ? pass.resumeAt() : ended.plus(settings.deliveryInterval());
            }
            if (!now.isBefore(nextHeartbeat)) {
                heartbeat();
                nextHeartbeat = clock.instant().plus(settings.heartbeatInterval());
            }
        } catch (RuntimeException e) {
            // One bad step must not end the schedule (scheduleWithFixedDelay stops on an exception).
            LOG.error("sync step failed", e);
        }
    }

    private void superviseStream(Instant now) {
        if (events.isOpen()) {
            if (Duration.between(events.idleSince(), now).compareTo(settings.streamIdle()) > 0) {
                LOG.info("event stream silent for {}; reconnecting", settings.streamIdle());
                events.close();
            }
            return;
        }
        if (now.isBefore(nextConnect)) {
            return;
        }
        if (events.connect()) {
            connectFailures = 0;
            LOG.info("event stream connected to {}", settings.portal().resolve(ApiPaths.EVENTS.substring(1)));
        } else {
            connectFailures++;
            long cap = settings.maxBackoff().toMillis();
            long exp = 1000L << Math.min(connectFailures - 1, 20);
            nextConnect = now.plusMillis(random.nextLong(Math.min(cap, exp) / 2, Math.min(cap, exp) + 1));
            nextPoll = nextPoll.isAfter(now.plus(settings.pollInterval())) ? now : nextPoll;
        }
    }

    private void announced(CatalogueAnnouncement announcement) {
        executor.execute(() -> {
            if (announcement.version() > catalogue.currentVersion()) {
                log(checkCatalogue());
            }
        });
    }

    private boolean heartbeat() {
        OutboxPort.Backlog backlog = outbox.backlog(clock.instant());
        Heartbeat beat = new Heartbeat(settings.kioskId(), settings.appVersion(), catalogue.currentVersion(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), devices.get(), backlog.pending(),
                backlog.oldestPendingAge().toSeconds(), backlog.blocked(),
                catalogue.lastSync().map(t -> OffsetDateTime.ofInstant(t, ZoneOffset.UTC)).orElse(null),
                recentAlerts.stream().skip(Math.max(0, recentAlerts.size() - Heartbeat.MAX_ALERTS))
                        .map(a -> a.at() + " " + a.kind() + ": " + a.message()).toList(), selfCheck.get());
        byte[] body = SubmissionPayloads.write(beat);
        PortalClient.Reply reply = client.postJson(ApiPaths.HEARTBEATS, null, body);
        boolean ok = client.classify(reply) instanceof OutboxPort.Outcome.Delivered;
        if (!ok) {
            LOG.info("heartbeat not delivered: {}", reply instanceof PortalClient.Reply.Answered a
                    ? client.describe(a) : ((PortalClient.Reply.NoAnswer) reply).error());
        }
        return ok;
    }

    private static void log(CatalogueCheck check) {
        if (check instanceof CatalogueCheck.Unreachable u) {
            LOG.debug("catalogue source unreachable: {}", u.error());
        }
    }
}
