package org.bianmin.kiosk.technician;

import static org.bianmin.kiosk.admin.StaffWidgets.card;
import static org.bianmin.kiosk.admin.StaffWidgets.field;
import static org.bianmin.kiosk.admin.StaffWidgets.message;
import static org.bianmin.kiosk.admin.StaffWidgets.row;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.device.config.Driver;
import org.bianmin.device.status.DeviceStatus;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.kiosk.admin.StaffWidgets;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Keypad;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.kiosk.ui.ScreenViews;
import org.bianmin.kiosk.ui.ViewScope;

/** The technician console: a tab per section, the section below in a touch-scrolled page. */
public final class TechnicianConsoleView implements ScreenViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final List<String> BAUDS = List.of("", "9600", "19200", "38400", "57600", "115200");
    private static final int SCAN_QR_SIZE = 260;

    /** For {@link java.util.ServiceLoader} only. */
    public TechnicianConsoleView() {}

    @Override
    public void register(Registry registry) {
        registry.add(TechnicianConsoleViewModel.class, TechnicianConsoleView::build);
    }

    public static Node build(TechnicianConsoleViewModel vm, ViewScope scope) {
        Messages m = scope.messages();
        ZoneId zone = vm.session().zone();
        BorderPane body = new BorderPane();
        BorderPane root = StaffWidgets.frame(body, "technician-console");
        Runnable render = scope.rebuilt(part -> {
            root.setTop(StaffWidgets.tabs(TechnicianConsoleViewModel.Section.values(),
                    vm.sectionProperty().get(), "tech-tab-", "technician.section", m, vm::show));
            DeviceEditorViewModel editing = vm.editorProperty().get();
            root.setBottom(editing == null ? null : editorActions(vm, editing, part));
            body.setCenter(editing != null ? editor(vm, editing, part, zone)
                    : switch (vm.sectionProperty().get()) {
                        case DEVICES -> devices(vm, part, zone);
                        case PORTS -> ports(vm, part, false);
                        case TRAFFIC -> traffic(vm, part, zone);
                        case DIAGNOSTICS -> diagnostics(vm, part, zone);
                    });
        });
        scope.onChange(vm.sectionProperty(), render);
        scope.onChange(vm.editorProperty(), render);
        render.run();
        return root;
    }

    private static Node devices(TechnicianConsoleViewModel vm, ViewScope scope, ZoneId zone) {
        Messages m = scope.messages();
        VBox list = new VBox(16);
        list.setId("tech-devices");
        VBox scan = new VBox(8);
        Runnable show = () -> list.getChildren().setAll(vm.rowsProperty().get().stream()
                .map(entry -> device(vm, entry, m, zone)).toList());
        Runnable showScan = () -> {
            String code = vm.scanCodeProperty().get();
            scan.getChildren().setAll(code == null ? List.of() : List.of(Widgets.label(
                    m.get("technician.test.scanThisCode"), "detail-label"), Widgets.qr(code, SCAN_QR_SIZE,
                    "tech-scan-qr"), Widgets.label(code, "detail-value")));
        };
        scope.onChange(vm.rowsProperty(), show);
        scope.onChange(vm.testResults(), show);
        scope.onChange(vm.scanCodeProperty(), showScan);
        show.run();
        showScan.run();
        return card(m.get("technician.devices.title"), scan, list);
    }

    private static Node device(TechnicianConsoleViewModel vm, TechnicianConsoleViewModel.DeviceRow entry, Messages m,
                               ZoneId zone) {
        GridPane facts = Widgets.labelledGrid(24);
        int at = 0;
        row(facts, at++, m.get("technician.device.driver"), entry.driver() + (entry.port().isEmpty() ? ""
                : "  ·  " + entry.port()), "tech-port-" + entry.name());
        String state = entry.notStarted().map(why -> m.get("technician.device.notStarted", why))
                .orElseGet(() -> entry.status().map(s -> m.of("technician.state", s.state()) + "  " + s.detail())
                        .orElse(""));
        row(facts, at++, m.get("technician.device.state"), state, "tech-state-" + entry.name());
        if (entry.status().isPresent()) {
            DeviceStatus s = entry.status().get();
            if (!s.supplies().isEmpty()) {
                row(facts, at++, m.get("technician.device.supplies"), s.supplies().entrySet().stream()
                        .map(e -> e.getKey() + " " + m.of("technician.supply", e.getValue())).toList().toString(),
                        "tech-supplies-" + entry.name());
            }
            row(facts, at++, m.get("technician.device.lastError"), s.lastError().map(e -> e.code() + " "
                    + e.message() + "  (" + TIME.format(e.at().atZone(zone)) + ")")
                    .orElse(m.get("technician.device.noError")), "tech-error-" + entry.name());
        }
        VBox history = new VBox(2);
        history.getChildren().add(Widgets.label(m.get("technician.device.history"), "detail-label"));
        entry.history().forEach(h -> history.getChildren().add(Widgets.label(TIME.format(h.since().atZone(zone))
                + "  " + m.of("technician.state", h.state()) + "  " + h.detail(), "muted")));
        Label result = Widgets.label("", "operator-message");
        result.setId("tech-result-" + entry.name());
        Prompt tested = vm.testResults().get(entry.name());
        result.setText(tested == null ? "" : tested.text(m, zone));
        result.setManaged(tested != null);
        HBox actions = new HBox(12, Widgets.button("tech-test-" + entry.name(), m.get("technician.device.test"),
                "primary", () -> vm.selfTest(entry.name())), Widgets.button("tech-edit-" + entry.name(),
                m.get("technician.device.edit"), "secondary", () -> vm.edit(entry.name())));
        VBox box = new VBox(8, Widgets.label(entry.name(), "section-title"), facts, actions, result, history);
        box.getStyleClass().add("operator-row");
        box.setId("tech-device-" + entry.name());
        return box;
    }

    private static Node editor(TechnicianConsoleViewModel vm, DeviceEditorViewModel ed, ViewScope scope, ZoneId zone) {
        Messages m = scope.messages();
        VBox fields = new VBox(12);
        Keypad keypad = new Keypad(m, Keypad.Mode.URL);
        Runnable layout = () -> {
            fields.getChildren().clear();
            fields.getChildren().add(Widgets.label(m.get("technician.edit.driver"), "detail-label"));
            fields.getChildren().add(choices("tech-driver-", ed.drivers().stream().map(Driver::configName).toList(),
                    ed.driverProperty(), m));
            if (ed.usesPort()) {
                TextField port = field("tech-port-field", ed.portProperty(), scope);
                focusTypes(port, keypad);
                keypad.target(port, Keypad.Mode.URL);
                fields.getChildren().addAll(Widgets.label(m.get("technician.edit.port"), "detail-label"), port,
                        Widgets.label(m.get("technician.edit.portHint"), "muted"), ports(vm, scope, true),
                        Widgets.label(m.get("technician.edit.baud"), "detail-label"),
                        choices("tech-baud-", BAUDS, ed.baudProperty(), m));
            }
            GridPane options = Widgets.labelledGrid(28);
            int row = 0;
            for (Map.Entry<String, StringProperty> option : ed.options().entrySet()) {
                TextField value = field("tech-option-" + option.getKey(), option.getValue(), scope);
                focusTypes(value, keypad);
                options.addRow(row++, Widgets.label(option.getKey(), "detail-label"), value);
            }
            fields.getChildren().addAll(Widgets.label(m.get("technician.edit.options"), "detail-label"), options,
                    keypad.node());
        };
        scope.onChange(ed.driverProperty(), layout);
        layout.run();
        Node said = StaffWidgets.messages(ed.messagesProperty(), scope, zone, "tech-edit-messages");
        return card(m.get("technician.edit.title", ed.name()), fields, said,
                Widgets.label(m.get("technician.edit.hint"), "muted"));
    }

    /** Save and back stay in reach at the bottom however long the editor is. */
    private static Node editorActions(TechnicianConsoleViewModel vm, DeviceEditorViewModel ed, ViewScope scope) {
        Messages m = scope.messages();
        var save = Widgets.button("tech-save", m.get("technician.edit.save"), "primary", ed::save);
        scope.bind(save.disableProperty(), ed.busyProperty());
        HBox actions = new HBox(16, save, Widgets.button("tech-close", m.get("technician.edit.close"), "secondary",
                vm::closeEditor));
        actions.getStyleClass().add("action-bar");
        return actions;
    }

    private static void focusTypes(TextField field, Keypad keypad) {
        field.focusedProperty().addListener((o, a, now) -> {
            if (now) {
                keypad.target(field, Keypad.Mode.URL);
            }
        });
    }

    /** One toggle per value; "" is the driver's default. */
    private static Node choices(String idPrefix, List<String> values, StringProperty chosen, Messages m) {
        FlowPane pane = new FlowPane();
        pane.getStyleClass().add("choices");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (String value : values) {
            ToggleButton b = new ToggleButton(value.isEmpty() ? m.get("technician.edit.default") : value);
            b.setId(idPrefix + (value.isEmpty() ? "default" : value));
            b.getStyleClass().add("choice");
            b.setToggleGroup(group);
            b.setSelected(value.equals(chosen.get()));
            b.setOnAction(e -> chosen.set(value));
            pane.getChildren().add(b);
        }
        return pane;
    }

    /** The ports found; while editing, a tap on one puts its stable name in the port field. */
    private static Node ports(TechnicianConsoleViewModel vm, ViewScope scope, boolean pick) {
        Messages m = scope.messages();
        VBox list = new VBox(6);
        list.setId("tech-ports");
        Runnable show = () -> {
            list.getChildren().setAll(Widgets.label(m.get("technician.ports.found", vm.portsProperty().get().size()),
                    "detail-label"));
            for (SerialPortList.Port p : vm.portsProperty().get()) {
                String text = p.stableName() + (p.stableName().equals(p.path()) ? "" : "  →  " + p.path())
                        + (p.description().isBlank() ? "" : "  (" + p.description() + ")");
                list.getChildren().add(pick ? Widgets.button("tech-use-" + p.path(), text, "secondary",
                        () -> vm.usePort(p)) : Widgets.label(text, "detail-value"));
            }
        };
        scope.onChange(vm.portsProperty(), show);
        show.run();
        return pick ? list : card(m.get("technician.ports.title"), list,
                Widgets.button("tech-ports-refresh", m.get("technician.refresh"), "secondary", vm::findPorts),
                Widgets.label(m.get("technician.ports.hint"), "muted"));
    }

    private static Node traffic(TechnicianConsoleViewModel vm, ViewScope scope, ZoneId zone) {
        Messages m = scope.messages();
        VBox lines = new VBox(2);
        lines.setId("tech-traffic");
        Runnable show = () -> lines.getChildren().setAll(vm.trafficProperty().get().stream().map(l -> {
            Label line = Widgets.label(CLOCK.format(l.at().atZone(zone)) + "  " + l.device() + "  "
                    + (l.direction() == org.bianmin.device.transport.TrafficTap.Direction.TO_DEVICE ? "→" : "←")
                    + "  " + l.decoded() + (l.hex().isEmpty() ? "" : "\n      " + l.hex()), "traffic-line");
            return (Node) line;
        }).toList());
        scope.onChange(vm.trafficProperty(), show);
        show.run();
        return card(m.get("technician.traffic.title"), Widgets.button("tech-traffic-refresh",
                m.get("technician.refresh"), "primary", vm::refreshTraffic),
                Widgets.label(m.get("technician.traffic.hint"), "muted"), lines);
    }

    private static Node diagnostics(TechnicianConsoleViewModel vm, ViewScope scope, ZoneId zone) {
        Messages m = scope.messages();
        VBox media = new VBox(8);
        media.setId("tech-media");
        Runnable show = () -> {
            List<Path> found = vm.mediaProperty().get();
            media.getChildren().setAll(found.isEmpty() ? List.of(Widgets.label(m.get("technician.diagnostics.noMedia"),
                    "muted")) : found.stream().map(p -> (Node) Widgets.button("tech-export-" + p.getFileName(),
                    m.get("technician.diagnostics.exportTo", p.toString()), "primary",
                    () -> vm.exportDiagnostics(p))).toList());
        };
        scope.onChange(vm.mediaProperty(), show);
        show.run();
        VBox checks = new VBox(4);
        vm.selfCheck().forEach(r -> {
            Label line = Widgets.label(m.of("technician.check", r.status()) + "  " + r.name() + ": " + r.detail(),
                    r.status() == org.bianmin.kiosk.selfcheck.CheckResult.Status.FAIL ? "error" : "detail-value");
            checks.getChildren().add(line);
        });
        return new VBox(16, card(m.get("technician.diagnostics.title"), Widgets.label(
                m.get("technician.diagnostics.hint"), "muted"), media,
                message(vm.messageProperty(), scope, zone, "tech-diagnostics-message")),
                card(m.get("technician.selfcheck.title"), checks));
    }
}
