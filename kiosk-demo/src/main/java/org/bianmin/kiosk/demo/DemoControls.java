package org.bianmin.kiosk.demo;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.device.scanner.PayloadRules;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.journey.EidCards;
import org.bianmin.kiosk.ui.Widgets;

/**
 * The demo's stand-in for a citizen's hands: lay a sample card on the simulated reader, take it away; and for the
 * hall's network: unplug it to see the kiosk work offline. Built once (so the chosen card stays chosen), its text
 * follows the language switch like the rest of the shell.
 */
public final class DemoControls {

    private DemoControls() {}

    /** @param scanned where a scan goes, as if from the kiosk's scanner */
    public static Node build(DemoEnvironment demo, Messages m, Consumer<ScanResult> scanned) {
        SimulatedDevices devices = demo.devices();
        ComboBox<String> card = new ComboBox<>();
        card.getItems().addAll(CardFiles.SAMPLES);
        card.getSelectionModel().selectFirst();
        card.setId("demo-card");
        card.setFocusTraversable(false);
        Label label = Widgets.line("", "demo-label");
        label.textProperty().bind(text(m, () -> "demo.label"));
        // Wraps on a narrow (portrait) screen instead of cutting its labels short.
        FlowPane bar = new FlowPane(label, card,
                button("demo-place-card", m, "demo.placeCard", () -> devices.placeCard(sample(card.getValue()))),
                button("demo-remove-card", m, "demo.removeCard", devices::removeCard),
                button("demo-scan-eid", m, "demo.scanEid", () -> scanned.accept(eidCode(demo, card.getValue()))),
                networkSwitch(demo.network(), m));
        bar.getStyleClass().add("demo-bar");
        return bar;
    }

    /** Pulls the hall's network cable out and plugs it back in, to try the offline path. */
    private static Node networkSwitch(DemoNetwork network, Messages m) {
        BooleanProperty connected = new SimpleBooleanProperty(network.connected());
        Button b = Widgets.button("demo-network", "", "demo", () -> {
            network.connected(!network.connected());
            connected.set(network.connected());
        });
        b.textProperty().bind(text(m, () -> connected.get() ? "demo.disconnect" : "demo.reconnect", connected));
        return b;
    }

    private static Button button(String id, Messages m, String key, Runnable action) {
        Button b = Widgets.button(id, "", "demo", action);
        b.textProperty().bind(text(m, () -> key));
        return b;
    }

    /** The text under {@code key} in the language now set, again whenever it or {@code also} changes. */
    private static StringBinding text(Messages m, Supplier<String> key, Observable... also) {
        Observable[] on = java.util.Arrays.copyOf(also, also.length + 1);
        on[also.length] = m.languageProperty();
        return Bindings.createStringBinding(() -> m.get(key.get()), on);
    }

    /**
     * The e-ID code a citizen's phone would show for the chosen card's holder (a resident card; others fall back
     * to the first sample), issued by the embedded portal and read as the scanner would read it.
     */
    private static ScanResult eidCode(DemoEnvironment demo, String cardName) {
        IdentityCard.Resident holder = sample(cardName) instanceof IdentityCard.Resident r ? r
                : (IdentityCard.Resident) sample(CardFiles.SAMPLES.getFirst());
        String token = demo.portal().issueTestEid(EidCards.identity(holder)).token();
        return PayloadRules.defaults().fromText(token, StandardCharsets.UTF_8);
    }

    private static IdentityCard sample(String name) {
        try {
            return CardFiles.sample(name);
        } catch (CardFiles.CardFileException e) {
            throw new IllegalStateException("bundled sample card " + name + " is broken", e);
        }
    }
}
