package org.bianmin.kiosk.operator;

import static org.bianmin.kiosk.admin.StaffWidgets.card;
import static org.bianmin.kiosk.admin.StaffWidgets.field;
import static org.bianmin.kiosk.admin.StaffWidgets.message;
import static org.bianmin.kiosk.admin.StaffWidgets.row;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.bianmin.cache.audit.AuditRecord;
import org.bianmin.cache.audit.VerifyResult;
import org.bianmin.cache.outbox.DeliveryState;
import org.bianmin.cache.outbox.OutboxEntry;
import org.bianmin.cache.sync.SyncEngine;
import org.bianmin.kiosk.admin.FileBrowserView;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.kiosk.admin.StaffWidgets;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Keypad;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.protocol.signing.KeyFile;
import org.bianmin.kiosk.ui.ScreenViews;
import org.bianmin.kiosk.ui.ViewScope;

/** The operator panel: a tab per section, the section (or the USB file chooser) below it, scrolled by touch. */
public final class OperatorPanelView implements ScreenViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** For {@link java.util.ServiceLoader} only. */
    public OperatorPanelView() {}

    @Override
    public void register(Registry registry) {
        registry.add(OperatorPanelViewModel.class, OperatorPanelView::build);
    }

    public static Node build(OperatorPanelViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        ZoneId zone = vm.session().zone();
        BorderPane body = new BorderPane();
        BorderPane frame = StaffWidgets.frame(body, "operator-panel");
        Runnable render = scope.rebuilt(part -> {
            frame.setTop(StaffWidgets.tabs(OperatorPanelViewModel.Section.values(),
                    vm.sectionProperty().get(), "op-tab-", "operator.section", m, vm::show));
            body.setCenter(vm.browserProperty().get() != null
                    ? FileBrowserView.build(vm.browserProperty().get(), part, zone)
                    : switch (vm.sectionProperty().get()) {
                        case CATALOGUE -> catalogue(vm, part, zone);
                        case OUTBOX -> outbox(vm.outbox(), part, zone);
                        case IDENTITY -> identity(vm, part, zone);
                        case AUDIT -> audit(vm.audit(), part, zone);
                    });
        });
        scope.onChange(vm.sectionProperty(), render);
        scope.onChange(vm.browserProperty(), render);
        render.run();
        return frame;
    }

    private static Node catalogue(OperatorPanelViewModel panel, ViewScope scope, ZoneId zone) {
        Messages m = scope.messages();
        CatalogueViewModel vm = panel.catalogue();
        GridPane facts = Widgets.labelledGrid(28);
        facts.setId("catalogue-facts");
        Runnable show = () -> {
            CatalogueViewModel.Status s = vm.statusProperty().get();
            facts.getChildren().clear();
            row(facts, 0, m.get("operator.catalogue.version"), m.get("operator.catalogue.versionValue", s.version(),
                    s.items()), "catalogue-version");
            row(facts, 1, m.get("operator.catalogue.published"), TIME.format(s.publishedAt().atZoneSameInstant(zone)),
                    "catalogue-published");
            row(facts, 2, m.get("operator.catalogue.key"), s.signingKeyId()
                    .orElse(m.get("operator.catalogue.unsigned")), "catalogue-key");
            row(facts, 3, m.get("operator.catalogue.appliedAt"), TIME.format(s.appliedAt().atZone(zone)),
                    "catalogue-applied");
            row(facts, 4, m.get("operator.catalogue.lastSync"), s.lastCheck().map(c -> lastCheck(c, m, zone))
                    .orElse(m.get(vm.syncConfigured() ? "operator.catalogue.notYet" : "operator.catalogue.noSync")),
                    "catalogue-last-sync");
        };
        scope.onChange(vm.statusProperty(), show);
        show.run();
        Button sync = Widgets.button("catalogue-sync", m.get("operator.catalogue.syncNow"), "primary", vm::syncNow);
        Button importFile = Widgets.button("catalogue-import", m.get("operator.import.button"), "secondary",
                panel::chooseCatalogueFile);
        scope.bind(sync.disableProperty(), vm.busyProperty());
        scope.bind(importFile.disableProperty(), vm.busyProperty());
        return card(m.get("operator.catalogue.title"), facts, new HBox(12, sync, importFile),
                Widgets.label(m.get("operator.import.hint"), "muted"),
                message(vm.messageProperty(), scope, zone, "catalogue-message"));
    }

    private static Node outbox(OutboxViewModel vm, ViewScope scope, ZoneId zone) {
        Messages m = scope.messages();
        GridPane counts = Widgets.labelledGrid(40);
        counts.setId("outbox-counts");
        VBox blocked = new VBox();
        blocked.getStyleClass().add("operator-rows");
        Runnable show = () -> {
            OutboxViewModel.Summary s = vm.summaryProperty().get();
            counts.getChildren().clear();
            blocked.getChildren().clear();
            if (s == null) {
                return;
            }
            int at = 0;
            for (DeliveryState state : DeliveryState.values()) {
                row(counts, at++, m.of("operator.outbox.state", state), String.valueOf(s.counts().get(state)),
                        "outbox-count-" + state.name());
            }
            row(counts, at, m.get("operator.outbox.oldest"), s.oldestPending().isZero()
                    ? m.get("operator.outbox.nothingWaiting") : age(s.oldestPending(), m), "outbox-oldest");
            blocked.getChildren().add(Widgets.label(m.get("operator.outbox.blockedTitle", s.blocked().size()),
                    "detail-label"));
            for (OutboxEntry e : s.blocked()) {
                blocked.getChildren().add(blockedRow(e, vm, m, zone));
            }
        };
        scope.onChange(vm.summaryProperty(), show);
        show.run();
        return card(m.get("operator.outbox.title"), counts,
                Widgets.button("outbox-refresh", m.get("operator.refresh"), "secondary", vm::refresh),
                message(vm.messageProperty(), scope, zone, "outbox-message"), blocked,
                Widgets.label(m.get("operator.outbox.privacy"), "muted"));
    }

    private static Node blockedRow(OutboxEntry e, OutboxViewModel vm, Messages m, ZoneId zone) {
        Label what = Widgets.label(m.get("operator.outbox.entry", e.id(), e.receiptNumber(), e.kind().name(),
                e.itemCode(), TIME.format(e.createdAt().atZone(zone)), e.attempts()), "detail-value");
        Label why = Widgets.label(m.get("operator.outbox.reason", e.blockedReason() == null ? "" : e.blockedReason()),
                "error");
        VBox text = new VBox(what, why);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(12, text, Widgets.button("outbox-retry-" + e.id(), m.get("operator.outbox.retry"),
                "primary", () -> vm.retry(e.id())));
        row.getStyleClass().add("operator-row");
        row.setId("outbox-blocked-" + e.id());
        return row;
    }

    private static Node identity(OperatorPanelViewModel panel, ViewScope scope, ZoneId zone) {
        Messages m = scope.messages();
        IdentityViewModel vm = panel.identity();
        TextField id = field("identity-kiosk-id", vm.kioskIdProperty(), scope);
        TextField url = field("identity-portal-url", vm.portalUrlProperty(), scope);
        Keypad keypad = new Keypad(m, Keypad.Mode.FULL);
        keypad.target(id, Keypad.Mode.FULL);
        id.focusedProperty().addListener((o, a, now) -> {
            if (now) {
                keypad.target(id, Keypad.Mode.FULL);
            }
        });
        url.focusedProperty().addListener((o, a, now) -> {
            if (now) {
                keypad.target(url, Keypad.Mode.URL);
            }
        });
        GridPane fields = Widgets.labelledGrid(28);
        fields.addRow(0, Widgets.label(m.get("operator.identity.kioskId"), "detail-label"), id);
        fields.addRow(1, Widgets.label(m.get("operator.identity.portalUrl"), "detail-label"), url);
        VBox keys = new VBox();
        keys.getStyleClass().add("operator-rows");
        Runnable showKeys = () -> {
            keys.getChildren().setAll(Widgets.label(m.get("operator.identity.keys"), "detail-label"));
            List<KeyFile> list = vm.keysProperty().get();
            if (list.isEmpty()) {
                keys.getChildren().add(Widgets.label(m.get("operator.identity.noKeys"), "muted"));
            }
            for (KeyFile key : list) {
                Label keyId = Widgets.label(key.keyId(), "detail-value");
                HBox.setHgrow(keyId, Priority.ALWAYS);
                keyId.setMaxWidth(Double.MAX_VALUE);
                HBox row = new HBox(12, keyId, Widgets.button("identity-remove-" + key.keyId(),
                        m.get("operator.identity.removeKey"), "secondary", () -> vm.removeKey(key.keyId())));
                row.getStyleClass().add("operator-row");
                keys.getChildren().add(row);
            }
        };
        scope.onChange(vm.keysProperty(), showKeys);
        showKeys.run();
        Node said = StaffWidgets.messages(vm.messagesProperty(), scope, zone, "identity-messages");
        IdentityViewModel.Running running = vm.running();
        Label restart = Widgets.label(m.get("operator.identity.running", running.kioskId(), running.portalUrl(),
                String.join(", ", running.keyIds())), "banner-warn");
        restart.setId("identity-restart");
        scope.bind(restart.visibleProperty(), vm.restartNeededProperty());
        scope.bind(restart.managedProperty(), vm.restartNeededProperty());
        HBox actions = new HBox(12, Widgets.button("identity-save", m.get("operator.identity.save"), "primary",
                vm::save), Widgets.button("identity-add-key", m.get("operator.identity.addKey"), "secondary",
                panel::chooseKeyFile), Widgets.button("identity-revert", m.get("operator.identity.revert"),
                "secondary", vm::revert));
        return card(m.get("operator.identity.title"), fields, keypad.node(), keys, actions, said, restart,
                Widgets.label(m.get("operator.identity.hint"), "muted"));
    }

    private static Node audit(AuditViewModel vm, ViewScope scope, ZoneId zone) {
        Messages m = scope.messages();
        Label result = Widgets.label("", "operator-message");
        result.setId("audit-verify-result");
        Runnable showResult = () -> {
            VerifyResult r = vm.verificationProperty().get();
            result.setText(r == null ? "" : switch (r) {
                case VerifyResult.Intact i -> m.get("operator.audit.intact", i.records(), i.headHash());
                case VerifyResult.Broken b -> m.get("operator.audit.broken", b.seq(),
                        m.of("operator.audit.problem", b.problem()));
            });
            result.getStyleClass().remove("error");
            if (r instanceof VerifyResult.Broken) {
                result.getStyleClass().add("error");
            }
        };
        scope.onChange(vm.verificationProperty(), showResult);
        showResult.run();
        VBox rows = new VBox();
        rows.getStyleClass().add("operator-rows");
        rows.setId("audit-records");
        Runnable showRows = () -> rows.getChildren().setAll(vm.recordsProperty().get().stream()
                .map(r -> (Node) auditRow(r, zone)).toList());
        scope.onChange(vm.recordsProperty(), showRows);
        showRows.run();
        return card(m.get("operator.audit.title"), new HBox(12, Widgets.button("audit-verify",
                        m.get("operator.audit.verify"), "primary", vm::verify),
                        Widgets.button("audit-refresh", m.get("operator.refresh"), "secondary", vm::refresh)),
                result, message(vm.messageProperty(), scope, zone, "audit-message"),
                Widgets.label(m.get("operator.audit.newest"), "detail-label"), rows);
    }

    private static Node auditRow(AuditRecord r, ZoneId zone) {
        FlowPane row = new FlowPane(12, 2, Widgets.line("#" + r.seq(), "muted"),
                Widgets.line(TIME.format(r.at().atZone(zone)), "muted"),
                Widgets.line(r.actor().kind().name().toLowerCase() + ":" + r.actor().id(), "audit-actor"),
                Widgets.line(r.event(), "audit-event"), Widgets.line(r.outcome().name(), "audit-outcome"),
                Widgets.label(r.detail(), "detail-value"));
        row.getStyleClass().add("audit-row");
        return row;
    }

    private static String lastCheck(SyncEngine.CheckResult result, Messages m, ZoneId zone) {
        return TIME.format(result.at().atZone(zone)) + "  " + CatalogueViewModel.prompt(result.check()).text(m, zone);
    }

    private static String age(Duration age, Messages m) {
        return age.toHours() >= 1 ? m.get("operator.outbox.hours", age.toHours(), age.toMinutesPart())
                : m.get("operator.outbox.minutes", Math.max(1, age.toMinutes()));
    }
}
