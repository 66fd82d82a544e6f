package org.bianmin.kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Scene;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.audit.Actor;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.catalogue.CatalogueSignature;
import org.bianmin.cache.search.SearchHit;
import org.bianmin.cache.sync.OfflineOutbox;
import org.bianmin.cache.sync.SyncEngine;
import org.bianmin.cache.sync.SyncSettings;
import org.bianmin.device.printer.EscPosPrinter;
import org.bianmin.device.printer.StatusReplyException;
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
import org.bianmin.kiosk.devices.ConfiguredDevices;
import org.bianmin.kiosk.devices.HeartbeatReports;
import org.bianmin.kiosk.devices.KioskDevices;
import org.bianmin.kiosk.devices.ScanFeed;
import org.bianmin.kiosk.home.HomeViewModel;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ime.PinyinIme;
import org.bianmin.kiosk.journey.Applications;
import org.bianmin.kiosk.journey.JourneyContext;
import org.bianmin.kiosk.operator.IdentityViewModel;
import org.bianmin.kiosk.operator.OperatorPanelViewModel;
import org.bianmin.kiosk.progress.CardLookup;
import org.bianmin.kiosk.progress.ProgressViewModel;
import org.bianmin.kiosk.selfcheck.CheckResult;
import org.bianmin.kiosk.selfcheck.Feature;
import org.bianmin.kiosk.selfcheck.Probes;
import org.bianmin.kiosk.selfcheck.SelfCheck;
import org.bianmin.kiosk.session.CardLeftBehind;
import org.bianmin.kiosk.session.IdleMonitor;
import org.bianmin.kiosk.session.KioskSession;
import org.bianmin.kiosk.status.ServiceNotices;
import org.bianmin.kiosk.shell.KioskShell;
import org.bianmin.kiosk.technician.SerialPortList;
import org.bianmin.kiosk.technician.TechnicianConsoleViewModel;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.kiosk.watchdog.Liveness;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.bianmin.protocol.signing.KeyFile;
import org.bianmin.protocol.signing.SigningException;
import org.bianmin.protocol.signing.TrustedKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk assembled, once, by {@link #open}: offline cache, devices, portal sync, its threads
 * ({@link KioskThreads}), the view-models of every screen, and whatever the launcher adds ({@link KioskAddOn}: the
 * demo's portal and simulators). Every part exists from {@code open} on; {@link #show} only builds the window's
 * scene graph on the FX thread. {@link KioskApplication} puts it in a window; tests drive the same assembly.
 */
public final class Kiosk implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Kiosk.class);
    private static final int SEARCH_LIMIT = 60;
    /** How often an idle printer is asked for its status, so a notice goes up before a citizen needs it. */
    static final Duration PRINTER_POLL = Duration.ofSeconds(20);
    /** No event stream and no catalogue check for this long: tell citizens the portal is unreachable. */
    static final Duration PORTAL_SILENCE = Duration.ofMinutes(2);

    private final DataDirectory data;
    private final KioskConfig config;
    private final Clock clock;
    private final OfflineCache cache;
    private final KioskAddOn addOn;
    private final ConfiguredDevices configured;
    private final List<CheckResult> selfCheck;
    private final KioskThreads threads;
    /** The input method: its table is built after the first frame ({@link #warmUp}) or when first needed. */
    private final PinyinIme ime;
    private final Optional<SyncEngine> sync;
    private final PortalLookups lookups;
    private final Messages messages;
    private final Navigator navigator;
    private final KioskSession session;
    private final IdleMonitor idle;
    private final AdminAccess admin;
    private final ServiceNotices notices;
    private final ScanRouter scans;
    private final ScanFeed scanFeed;
    /** The citizen journey; empty without an ID-card reader. */
    private final Optional<Applications> applications;
    /** A card whose visit is over is refused and asked for until it has left (empty without a reader). */
    private final Optional<CardLeftBehind> cardLeftBehind;

    /** Builds every service and view-model; {@code ui} runs the results of background work on the FX thread. */
    private Kiosk(DataDirectory data, KioskConfig config, Clock clock, OfflineCache cache, KioskAddOn addOn,
                  ConfiguredDevices configured, List<CheckResult> selfCheck, KioskThreads threads, Executor ui) {
        this.data = data;
        this.config = config;
        this.clock = clock;
        this.cache = cache;
        this.addOn = addOn;
        this.configured = configured;
        this.selfCheck = selfCheck;
        this.threads = threads;
        this.ime = PinyinIme.deferred(() -> catalogueText(catalogue())); // not for the first frame: warmUp()
        this.sync = config.syncConfigured() ? Optional.of(startSync()) : Optional.empty();
        if (sync.isEmpty()) {
            LOG.warn("no portal credential in config.json (portalToken): working offline, nothing is delivered");
        }
        this.lookups = new PortalLookups(sync, cache.outbox(), this::catalogue);
        Language language = Language.ofTag(config.language());
        this.messages = new Messages(language);
        Optional<KioskDevices> devices = configured.forJourney();
        Set<Feature> disabled = SelfCheck.disabled(selfCheck);
        // Home offers "apply", which starts a journey on the navigator, which starts at home: resolved late,
        // through methods (a lambda may not read a final field before the constructor assigned it).
        Optional<Consumer<ServiceItem>> apply = devices.filter(d -> !disabled.contains(Feature.APPLICATIONS))
                .map(d -> this::apply);
        HomeViewModel home = new HomeViewModel(this::catalogue,
                q -> cache.search().search(q, SEARCH_LIMIT).stream().map(SearchHit::item).toList(),
                this::navigator, apply, () -> progress(ui), () -> session().elderMode());
        this.navigator = new Navigator(home);
        this.cardLeftBehind = devices.map(d -> new CardLeftBehind(d.reader(), threads.devices()));
        this.session = new KioskSession(navigator, messages, language, id -> {
            threads.storage().execute(() -> cache.audit().append(Actor.citizenSession(id), "session.end",
                    Outcome.SUCCESS, "wiped"));
            cardLeftBehind.ifPresent(CardLeftBehind::visitOver);
        });
        Catalogue.Hall hall = catalogue().hall();
        boolean scanner = addOn.scans() || !configured.serialScanners().isEmpty() || configured.wedge().isPresent();
        this.applications = devices.map(d -> new Applications(new JourneyContext(config.kioskId(), hall,
                catalogue().version(), clock, navigator, session, d.reader(), d.printer(), cache.outbox(),
                lookups.delivery(threads.storage()), lookups.eidCodes(scanner),
                ime, cache.audit(), ui, threads.devices(), threads.printer(),
                threads.storage())));
        this.idle = new IdleMonitor(Duration.ofSeconds(config.idleSeconds()),
                Duration.ofSeconds(config.elderIdleSeconds()), Duration.ofSeconds(config.idleCountdownSeconds()),
                session::elderMode, clock.instant(), session::end);
        Consoles consoles = new Consoles();
        this.admin = new AdminAccess(() -> savedConfig().admin(), new PinLock(data.root().resolve(PinLock.FILE),
                clock), consoles, navigator, session::end, (actor, event, outcome, detail) -> threads.storage()
                .execute(() -> cache.audit().append(actor, event, outcome, detail)), clock, threads.admin(), ui);
        registerConsoles(consoles, ui);
        this.notices = new ServiceNotices(ui);
        notices.failedAtStart(disabled.stream().map(Feature::notice).toList());
        devices.ifPresent(d -> {
            d.status().forEach(notices::watch);
            d.printer().ifPresent(printer -> threads.printer().scheduleWithFixedDelay(() -> checkPrinter(printer),
                    0, PRINTER_POLL.toMillis(), TimeUnit.MILLISECONDS));
        });
        sync.ifPresent(engine -> threads.status().scheduleWithFixedDelay(() -> notices.portalReachable(
                engine.streaming() || engine.lastSync().filter(at -> at.isAfter(clock.instant()
                        .minus(PORTAL_SILENCE))).isPresent()), 5, 5, TimeUnit.SECONDS));
        this.scans = new ScanRouter(navigator, () -> progress(ui));
        this.scanFeed = new ScanFeed(configured, ui, scans::route);
    }

    /** "Apply" on an item: the journey starts (offered only where there is a reader). */
    private void apply(ServiceItem item) {
        applications.orElseThrow().accept(item);
    }

    /** The consoles behind the hidden entry, by role: the operator panel and the technician console. */
    private void registerConsoles(Consoles consoles, Executor ui) {
        consoles.register(AdminRole.OPERATOR, s -> new OperatorPanelViewModel(s, new OperatorPanelViewModel.Services(
                cache, sync, new ConfigStore(data.config()), new IdentityViewModel.Running(config.kioskId(),
                config.portalUrl(), config.trustedKeys().stream().map(KeyFile::keyId).toList(),
                Optional.ofNullable(cache.catalogue().current().orElseThrow().signature().signingKeyId())),
                this::importKeys, FileBrowserViewModel.mediaRoots(), clock, threads.storage(), ui)));
        consoles.register(AdminRole.TECHNICIAN, s -> new TechnicianConsoleViewModel(s,
                new TechnicianConsoleViewModel.Services(config.kioskId(), configured, new ConfigStore(data.config()),
                        data.config(), data.logs(), this::selfCheck, versions(), FileBrowserViewModel.mediaRoots(),
                        SerialPortList.BY_ID, clock, threads.devices(), threads.storage(), ui)));
    }

    /** The progress screen: by receipt number, and by ID card where there is a reader; wiped with the session. */
    private ProgressViewModel progress(Executor ui) {
        ProgressViewModel progress = new ProgressViewModel(lookups::receipt, cardLeftBehind.map(left ->
                new CardLookup(left.reader(), threads.devices(), lookups::holder, left)), threads.storage(), ui);
        session.onEnd(progress::wipe);
        return progress;
    }

    /**
     * A scan from any scanner (serial, wedge, the demo bar), on the FX thread: the current screen takes it if it
     * opted in; a receipt code opens the progress lookup for it (see {@link ScanRouter}).
     */
    public void onScan(ScanResult result) {
        scans.route(result);
    }

    /** Installs the keyboard-wedge scanner's key filter, when one is configured (after {@link #show}). */
    public void watchWedge(Scene scene) {
        scanFeed.watch(scene);
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

    /**
     * Opens storage and devices, runs the self-check, starts what {@code addOn} adds (the demo's portal) and builds
     * every service and screen model. Safe off the FX thread; {@code ui} runs results of background work on it.
     */
    public static Kiosk open(DataDirectory data, KioskConfig config, Clock clock, Executor ui,
                             KioskAddOn.Factory addOn) throws IOException {
        ConfiguredDevices configured = null;
        KioskAddOn added = null;
        KioskThreads threads = null;
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
            added = addOn.start(catalogue, configured, data);
            threads = KioskThreads.start();
            return new Kiosk(data, added.configure(config), clock, cache, added, configured, checks, threads, ui);
        } catch (IOException | RuntimeException e) {
            if (threads != null) {
                threads.close();
            }
            if (added != null) {
                added.close();
            }
            if (configured != null) {
                configured.close();
            }
            cache.close();
            throw e;
        }
    }

    /** Builds the window's content on the FX thread: the shell around the current screen, and the add-on's controls. */
    public KioskShell show() {
        Catalogue.Hall hall = catalogue().hall();
        KioskShell shell = new KioskShell(navigator, messages, session, idle, notices,
                new KioskShell.Identity(config.kioskId(), Content.name(hall), hall.phone()), admin);
        addOn.controls(messages, this::onScan).ifPresent(shell::setDemoControls);
        String described = addOn.describe();
        LOG.info("kiosk {} ready: version {}, catalogue version {} ({} items){}", config.kioskId(), Version.current(),
                catalogue().version(), catalogue().items().size(), described.isEmpty() ? "" : ", " + described);
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

    /** The keys a catalogue file is verified with: config.json's now, and the add-on's (the demo portal's). */
    private List<KeyFile> importKeys() {
        List<KeyFile> keys = new ArrayList<>(savedConfig().trustedKeys());
        keys.addAll(addOn.importKeys());
        return keys;
    }

    /** What a diagnostics bundle says this kiosk runs. */
    private static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
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

    /**
     * Loads what the home screen does not need but the next screens do (the input method's table, the search's
     * folding data), so the first touch does not wait for it. Blocking: call off the FX thread after the first frame.
     */
    public void warmUp() {
        ime.preload();
        cache.search().warmUp();
    }

    /** The single-threaded workers the watchdog watches besides the FX thread: the kiosk's and the sync thread. */
    public List<Liveness.Probe> workers() {
        List<Liveness.Probe> probes = new ArrayList<>(threads.probes());
        sync.ifPresent(engine -> probes.add(new Liveness.Probe("sync", engine::post)));
        return probes;
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
        threads.close();
        scanFeed.close();
        addOn.close();
        configured.close();
        cache.close();
    }
}
