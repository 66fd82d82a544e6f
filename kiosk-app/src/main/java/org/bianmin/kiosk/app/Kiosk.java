package org.bianmin.kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.audit.Actor;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.catalogue.CatalogueSignature;
import org.bianmin.cache.search.SearchHit;
import org.bianmin.cache.outbox.OutboxEntry;
import org.bianmin.cache.sync.HolderStatus;
import org.bianmin.cache.sync.OfflineOutbox;
import org.bianmin.cache.sync.ReceiptStatus;
import org.bianmin.cache.sync.SubmissionPayloads;
import org.bianmin.cache.sync.SyncEngine;
import org.bianmin.cache.sync.SyncSettings;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.printer.StatusReplyException;
import org.bianmin.device.scanner.ScanPayload;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.device.supervisor.Devices;
import org.bianmin.kiosk.admin.AdminAccess;
import org.bianmin.kiosk.admin.AdminRole;
import org.bianmin.kiosk.admin.AdminScreen;
import org.bianmin.kiosk.admin.Consoles;
import org.bianmin.kiosk.admin.FileBrowserViewModel;
import org.bianmin.kiosk.admin.PinLock;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.demo.DemoControls;
import org.bianmin.kiosk.demo.DemoEnvironment;
import org.bianmin.kiosk.devices.ConfiguredDevices;
import org.bianmin.kiosk.devices.HeartbeatReports;
import org.bianmin.kiosk.devices.KioskDevices;
import org.bianmin.kiosk.devices.ScanFeed;
import org.bianmin.kiosk.home.HomeViewModel;
import org.bianmin.kiosk.ime.PinyinIme;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.journey.Applications;
import org.bianmin.kiosk.journey.Delivery;
import org.bianmin.kiosk.journey.EidCodes;
import org.bianmin.kiosk.journey.IdentifyViewModel;
import org.bianmin.kiosk.operator.IdentityViewModel;
import org.bianmin.kiosk.operator.OperatorPanelViewModel;
import org.bianmin.kiosk.technician.SerialPortList;
import org.bianmin.kiosk.technician.TechnicianConsoleViewModel;
import org.bianmin.kiosk.progress.CardLookup;
import org.bianmin.kiosk.progress.HolderProgress;
import org.bianmin.kiosk.progress.ProgressViewModel;
import org.bianmin.kiosk.selfcheck.CheckResult;
import org.bianmin.kiosk.selfcheck.Feature;
import org.bianmin.kiosk.selfcheck.Probes;
import org.bianmin.kiosk.selfcheck.SelfCheck;
import org.bianmin.kiosk.journey.JourneyContext;
import org.bianmin.kiosk.session.CardLeftBehind;
import org.bianmin.kiosk.session.IdleMonitor;
import org.bianmin.kiosk.session.KioskSession;
import org.bianmin.kiosk.status.ServiceNotices;
import org.bianmin.kiosk.shell.KioskShell;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.kiosk.watchdog.Liveness;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.api.ReceiptNumbers;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.bianmin.protocol.signing.KeyFile;
import org.bianmin.protocol.signing.SigningException;
import org.bianmin.protocol.signing.TrustedKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk assembled: offline cache, devices (simulated in the demo), the embedded portal (demo only), and the
 * screens. {@link KioskApplication} puts it in a window; tests drive the same assembly.
 */
public final class Kiosk implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Kiosk.class);
    private static final int SEARCH_LIMIT = 60;
    /** The demo's embedded portal, under the data directory: its database holds submissions in clear. */
    public static final String DEMO_PORTAL_DIR = "demo-portal";

    private final KioskConfig config;
    private final Clock clock;
    private final OfflineCache cache;
    private final Optional<DemoEnvironment> demo;
    private final Optional<KioskDevices> devices;
    /** How often an idle printer is asked for its status, so a notice goes up before a citizen needs it. */
    static final Duration PRINTER_POLL = Duration.ofSeconds(20);
    /** How long the review screen waits for the portal before promising "saved, will be sent". */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(5);
    private static final int QUEUE_SCAN = 500;
    /** No event stream and no catalogue check for this long: tell citizens the portal is unreachable. */
    static final Duration PORTAL_SILENCE = Duration.ofMinutes(2);

    private final ExecutorService deviceExecutor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("devices").daemon().factory());
    private final ScheduledExecutorService printerExecutor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("printer").daemon().factory());
    private final ScheduledExecutorService statusExecutor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("status").daemon().factory());
    private final ExecutorService storageExecutor = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("storage").daemon().factory());
    /** PIN checks: PBKDF2 takes a moment and must not hold up storage or the FX thread. */
    private final ExecutorService adminExecutor = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("admin").daemon().factory());
    private Navigator navigator;
    private KioskSession session;
    /** A card whose visit is over is refused and asked for until it has left (empty without a reader). */
    private Optional<CardLeftBehind> cardLeftBehind = Optional.empty();
    private IdleMonitor idle;
    private KioskShell shell;
    private ServiceNotices notices;
    private Applications applications;
    private Executor ui;
    private AdminAccess admin;
    /** The consoles behind the hidden entry, by role: {@link #show} registers the operator panel and the technician console. */
    private final Consoles consoles = new Consoles();
    private ScanFeed scanFeed;

    private final DataDirectory data;
    private final ConfiguredDevices configured;
    private final Optional<SyncEngine> sync;
    private final PinyinIme ime;
    private final List<CheckResult> selfCheck;

    private Kiosk(DataDirectory data, KioskConfig config, Clock clock, OfflineCache cache,
                  Optional<DemoEnvironment> demo, ConfiguredDevices configured, List<CheckResult> selfCheck) {
        this.data = data;
        this.config = config;
        this.selfCheck = selfCheck;
        this.clock = clock;
        this.cache = cache;
        this.demo = demo;
        this.configured = configured;
        this.ime = PinyinIme.load(catalogueText(catalogue()));
        this.devices = configured.forJourney();
        this.sync = config.syncConfigured() ? Optional.of(startSync()) : Optional.empty();
        if (sync.isEmpty()) {
            LOG.warn("no portal credential in config.json (portalToken): working offline, nothing is delivered");
        }
    }

    /**
     * A scan from any scanner (serial or wedge), on the FX thread: a receipt code opens the progress lookup for it;
     * an e-ID code identifies the citizen on the identify screen; anything else is not for the citizen screens and
     * is only logged (never its content: it may be personal).
     */
    public void onScan(ScanResult result) {
        if (navigator.current() instanceof TechnicianConsoleViewModel console && console.scanned(result)) {
            return;
        }
        if (result instanceof ScanResult.Scanned(ScanPayload.EidToken token, var charset)
                && navigator.current() instanceof IdentifyViewModel identify) {
            identify.eidScanned(token.text());
        } else if (result instanceof ScanResult.Scanned(ScanPayload.ReceiptCode code, var charset)) {
            ProgressViewModel progress = navigator.current() instanceof ProgressViewModel open ? open : progress();
            if (navigator.current() != progress) {
                navigator.show(progress);
            }
            progress.receiptNumberProperty().set(code.receiptNumber());
            progress.lookUp();
        } else {
            LOG.info("scan not used here: {}", result.getClass().getSimpleName());
        }
    }

    /** Installs the keyboard-wedge scanner's key filter, when one is configured (after {@link #show}). */
    public void watchWedge(javafx.scene.Scene scene) {
        scanFeed.watch(scene);
    }

    /**
     * The portal's answer when it is reachable, else the last one heard; applications still queued say so. The
     * number is taken as the citizen means it (O and I read as 0 and 1, {@link ReceiptNumbers#readBack}).
     */
    private ReceiptStatus lookUp(String typed) {
        String receiptNumber = ReceiptNumbers.readBack(typed).orElse(typed);
        ReceiptStatus status = sync.map(engine -> engine.lookup(receiptNumber))
                .orElseGet(() -> new ReceiptStatus.Unknown("no portal credential"));
        if (status instanceof ReceiptStatus.Unknown && isQueuedHere(receiptNumber)) {
            return new ReceiptStatus.Unknown(ProgressViewModel.QUEUED_HERE);
        }
        return status;
    }

    /** The progress screen: by receipt number, and by ID card where there is a reader; wiped with the session. */
    private ProgressViewModel progress() {
        ProgressViewModel progress = new ProgressViewModel(this::lookUp, cardLeftBehind.map(left -> new CardLookup(
                left.reader(), deviceExecutor, this::holderProgress, left)), storageExecutor, ui);
        session.onEnd(progress::wipe);
        return progress;
    }

    /** A holder's applications: the portal's (by keyed hash), and those still waiting in this kiosk's outbox. */
    private HolderProgress holderProgress(String idNumber) {
        HolderStatus portal = sync.map(engine -> engine.lookupHolder(idNumber))
                .orElseGet(() -> new HolderStatus.Unavailable("no portal credential"));
        List<OutboxEntry> queued = cache.outbox().undelivered(SubmissionPayloads.applicationBy(idNumber));
        Map<String, ServiceItem> items = catalogue().itemsByCode();
        return HolderProgress.of(IdNumbers.mask(idNumber), portal, queued,
                code -> Optional.ofNullable(items.get(code)).map(Content::name).orElse(Content.word(code)));
    }

    private boolean isQueuedHere(String receiptNumber) {
        return cache.outbox().list(QUEUE_SCAN).stream().anyMatch(e -> e.receiptNumber().equals(receiptNumber));
    }

    /** Delivers at once when the portal answers within a few seconds; otherwise the outbox keeps trying. */
    private Delivery delivery() {
        return sync.<Delivery>map(engine -> receiptNumber -> {
            try {
                engine.deliverNow().get(DELIVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.info("receipt {} queued: portal not confirmed ({})", receiptNumber, e.toString());
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            return engine.lookup(receiptNumber) instanceof ReceiptStatus.Live(var status)
                    ? Optional.of(status) : Optional.empty();
        }).orElse(Delivery.offline());
    }

    /** e-ID codes are offered where a scanner can read them, and verified by the portal. */
    private EidCodes eidCodes() {
        boolean scanner = demo.isPresent() || !configured.serialScanners().isEmpty()
                || configured.wedge().isPresent();
        return sync.map(engine -> new EidCodes(scanner, engine::verifyEid))
                .orElseGet(() -> EidCodes.withoutPortal(scanner));
    }

    private SyncEngine startSync() {
        try {
            SyncSettings settings = SyncSettings.defaults(config.portalUrl(), config.kioskId(), config.portalToken(),
                    Version.current(), TrustedKeys.of(config.trustedKeys()));
            List<Heartbeat.Check> checks = selfCheck.stream().map(r -> new Heartbeat.Check(r.name(),
                    Heartbeat.CheckStatus.valueOf(r.status().name()), r.detail())).toList();
            return new SyncEngine(settings, clock, cache.catalogue(), new OfflineOutbox(cache.outbox()),
                    () -> HeartbeatReports.of(configured.trackers()), () -> checks,
                    alert -> LOG.warn("sync: {}", alert), new SecureRandom()).start();
        } catch (SigningException e) {
            throw new IllegalStateException("config.json trustedKeys: " + e.getMessage(), e);
        }
    }

    /** Opens storage and, in the demo, the portal and simulators. Safe off the FX thread. */
    public static Kiosk open(DataDirectory data, KioskConfig config, boolean demo, Clock clock)
            throws IOException {
        ConfiguredDevices configured = null;
        OfflineCache cache = OfflineCache.open(data.root(), data.database(),
                OfflineCache.Settings.defaults(config.kioskId()), clock, alert -> LOG.error("storage alert: {}", alert));
        try {
            if (cache.catalogue().current().isEmpty()) {
                // First start: the bundled catalogue until the portal delivers a signed one.
                LOG.info("no catalogue yet; applying the bundled sample: {}",
                        cache.catalogue().apply(new CatalogueReader().readSample(), CatalogueSignature.UNSIGNED));
            }
            Catalogue catalogue = cache.catalogue().current().orElseThrow().catalogue();
            List<CheckResult> checks = new SelfCheck(data, config, cache, clock, Probes.system()).run();
            SelfCheck.log(checks);
            configured = ConfiguredDevices.open(config.devices(), new Devices.Workspace(clock,
                    Optional.of(data.root())));
            if (demo) {
                DemoEnvironment environment = DemoEnvironment.start(catalogue, configured,
                        data.root().resolve(DEMO_PORTAL_DIR));
                KioskConfig demoConfig = config.withPortal(environment.portalUrl(),
                        environment.register(config.kioskId()), environment.trustedKeys());
                return new Kiosk(data, demoConfig, clock, cache, Optional.of(environment), configured, checks);
            }
            return new Kiosk(data, config, clock, cache, Optional.empty(), configured, checks);
        } catch (IOException | RuntimeException e) {
            if (configured != null) {
                configured.close();
            }
            cache.close();
            throw e;
        }
    }

    /** Builds the screens; call on the FX thread. {@code ui} runs results of background work on it. */
    public KioskShell show(Executor ui) {
        this.ui = ui;
        Language language = Language.ofTag(config.language());
        Messages messages = new Messages(language);
        Catalogue.Hall hall = catalogue().hall();
        // The journey needs the navigator, which needs the home screen, which offers "apply": resolved late.
        Set<Feature> disabled = SelfCheck.disabled(selfCheck);
        Optional<Consumer<ServiceItem>> apply = devices.filter(d -> !disabled.contains(Feature.APPLICATIONS))
                .map(d -> item -> applications.accept(item));
        HomeViewModel home = new HomeViewModel(this::catalogue,
                q -> cache.search().search(q, SEARCH_LIMIT).stream().map(SearchHit::item).toList(),
                () -> navigator, apply, this::progress, () -> session.elderMode());
        navigator = new Navigator(home);
        cardLeftBehind = devices.map(d -> new CardLeftBehind(d.reader(), deviceExecutor));
        session = new KioskSession(navigator, messages, language, id -> {
            storageExecutor.execute(() -> cache.audit().append(Actor.citizenSession(id), "session.end",
                    Outcome.SUCCESS, "wiped"));
            cardLeftBehind.ifPresent(CardLeftBehind::visitOver);
        });
        devices.ifPresent(d -> applications = new Applications(new JourneyContext(config.kioskId(), hall,
                catalogue().version(), clock,
                navigator, session, d.reader(), d.printer(), cache.outbox(), delivery(), eidCodes(), ime, cache.audit(), ui,
                deviceExecutor, printerExecutor, storageExecutor)));
        idle = new IdleMonitor(Duration.ofSeconds(config.idleSeconds()),
                Duration.ofSeconds(config.elderIdleSeconds()), Duration.ofSeconds(config.idleCountdownSeconds()),
                session::elderMode, clock.instant(), session::end);
        admin = new AdminAccess(() -> savedConfig().admin(), new PinLock(data.root().resolve(PinLock.FILE), clock), consoles,
                navigator, session::end, (actor, event, outcome, detail) -> storageExecutor.execute(
                        () -> cache.audit().append(actor, event, outcome, detail)), clock, adminExecutor, ui);
        consoles.register(AdminRole.OPERATOR, s -> new OperatorPanelViewModel(s, new OperatorPanelViewModel.Services(
                cache, sync, new ConfigStore(data.config()), new IdentityViewModel.Running(config.kioskId(),
                config.portalUrl(), config.trustedKeys().stream().map(KeyFile::keyId).toList(),
                Optional.ofNullable(cache.catalogue().current().orElseThrow().signature().signingKeyId())),
                this::importKeys,
                FileBrowserViewModel.mediaRoots(), clock, storageExecutor, ui)));
        consoles.register(AdminRole.TECHNICIAN, s -> new TechnicianConsoleViewModel(s,
                new TechnicianConsoleViewModel.Services(config.kioskId(), configured, new ConfigStore(data.config()),
                        data.config(), data.logs(), this::selfCheck, versions(), FileBrowserViewModel.mediaRoots(),
                        SerialPortList.BY_ID, clock, deviceExecutor, storageExecutor, ui)));
        notices = new ServiceNotices(ui);
        notices.failedAtStart(disabled.stream().map(Feature::notice).toList());
        devices.ifPresent(d -> {
            d.status().forEach(notices::watch);
            d.printer().ifPresent(printer -> printerExecutor.scheduleWithFixedDelay(() -> checkPrinter(printer), 0,
                    PRINTER_POLL.toMillis(), TimeUnit.MILLISECONDS));
        });
        shell = new KioskShell(navigator, messages, session, idle, notices,
                new KioskShell.Identity(config.kioskId(), Content.name(hall), hall.phone()), admin);
        demo.ifPresent(d -> shell.setDemoControls(DemoControls.build(d, messages, this::onScan)));
        scanFeed = new ScanFeed(configured, ui, this::onScan);
        sync.ifPresent(engine -> statusExecutor.scheduleWithFixedDelay(() -> notices.portalReachable(
                engine.streaming() || engine.lastSync().filter(at -> at.isAfter(clock.instant()
                        .minus(PORTAL_SILENCE))).isPresent()), 5, 5, TimeUnit.SECONDS));
        LOG.info("kiosk {} ready: version {}, catalogue version {} ({} items){}", config.kioskId(), Version.current(),
                catalogue().version(), catalogue().items().size(),
                demo.map(d -> ", demo portal " + d.portalDirectUrl()).orElse(""));
        return shell;
    }

    /**
     * The config as config.json has it now, so a PIN set with {@code kioskctl pin set} or a key the operator added
     * works without a restart; the config the kiosk started with if the file is gone or invalid.
     */
    private KioskConfig savedConfig() {
        if (!Files.exists(data.config())) {
            return config;
        }
        try {
            return new ConfigStore(data.config()).loadOrCreate();
        } catch (ConfigStore.ConfigException e) {
            LOG.warn("using the config read at start: {}", e.getMessage());
            return config;
        }
    }

    /** The keys a catalogue file is verified with: config.json's now, and in the demo the embedded portal's. */
    private List<KeyFile> importKeys() {
        List<KeyFile> keys = new ArrayList<>(savedConfig().trustedKeys());
        demo.ifPresent(d -> keys.addAll(d.trustedKeys()));
        return keys;
    }

    /** What a diagnostics bundle says this kiosk runs. */
    private static Map<String, String> versions() {
        Map<String, String> versions = new java.util.LinkedHashMap<>();
        versions.put("bianmin-kiosk", Version.current());
        versions.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        versions.put("javafx", Probes.system().javafx().orElse("unknown"));
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return versions;
    }

    /** Any touch, click or key: resets both idle times (the citizen's and the admin console's). */
    public void input(Instant now) {
        idle.input(now);
        session.input();
        admin.idle().input(now);
    }

    /**
     * A clock tick: the admin idle time counts while an admin screen is up, the citizen's otherwise, and only while
     * a citizen is using the kiosk.
     */
    public void tick(Instant now) {
        if (navigator.current() instanceof AdminScreen) {
            admin.idle().tick(now);
        } else {
            idle.tick(now, session.inProgress());
        }
    }

    /** Asks the printer for its status; the driver feeds the status model, which raises or clears the notice. */
    public void checkPrinter(EscPosPrinter printer) {
        try {
            printer.status();
        } catch (StatusReplyException | RuntimeException e) {
            LOG.warn("printer status check failed: {}", e.toString());
        }
    }

    /** The catalogue as text: which characters the citizens of this hall are likely to type. */
    private static String catalogueText(Catalogue catalogue) {
        try {
            return CatalogueReader.mapper().writeValueAsString(catalogue);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a catalogue read from JSON writes back", e);
        }
    }

    public Catalogue catalogue() {
        return cache.catalogue().current().orElseThrow().catalogue();
    }

    /** The single-threaded workers the watchdog watches besides the FX thread. */
    public List<Liveness.Probe> workers() {
        return List.of(new Liveness.Probe("storage", storageExecutor), new Liveness.Probe("devices", deviceExecutor),
                new Liveness.Probe("printer", printerExecutor), new Liveness.Probe("status", statusExecutor));
    }

    /** The start-up self-check of this run, in the order it ran (for the log, the heartbeat, the technician). */
    public List<CheckResult> selfCheck() {
        return selfCheck;
    }

    public Optional<SyncEngine> sync() {
        return sync;
    }

    public OfflineCache cache() {
        return cache;
    }

    /** The running devices, which the technician console edits. */
    public ConfiguredDevices devices() {
        return configured;
    }

    public Optional<DemoEnvironment> demo() {
        return demo;
    }

    public Navigator navigator() {
        return navigator;
    }

    public KioskSession session() {
        return session;
    }

    public IdleMonitor idle() {
        return idle;
    }

    public AdminAccess admin() {
        return admin;
    }

    @Override
    public void close() {
        sync.ifPresent(SyncEngine::close);
        deviceExecutor.shutdownNow();
        printerExecutor.shutdownNow();
        statusExecutor.shutdownNow();
        if (scanFeed != null) {
            scanFeed.close();
        }
        storageExecutor.shutdown();
        adminExecutor.shutdownNow();
        demo.ifPresent(DemoEnvironment::close);
        configured.close();
        cache.close();
    }
}
