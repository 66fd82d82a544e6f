package org.bianmin.kiosk.demo;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.device.scanner.PayloadRules;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.journey.EidCards;
import org.bianmin.kiosk.ui.Widgets;

/**
 * The demo's stand-in for a citizen's hands: lay a sample card on the simulated reader, take it away; and for the
 * hall's network: unplug it to see the kiosk work offline.
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
        HBox bar = new HBox(Widgets.line(m.get("demo.label"), "demo-label"), card,
                Widgets.button("demo-place-card", m.get("demo.placeCard"), "demo",
                        () -> devices.placeCard(sample(card.getValue()))),
                Widgets.button("demo-remove-card", m.get("demo.removeCard"), "demo", devices::removeCard),
                Widgets.button("demo-scan-eid", m.get("demo.scanEid"), "demo",
                        () -> scanned.accept(eidCode(demo, card.getValue()))),
                networkSwitch(demo.network(), m));
        bar.getStyleClass().add("demo-bar");
        return bar;
    }

    /** Pulls the hall's network cable out and plugs it back in, to try the offline path. */
    private static Node networkSwitch(DemoNetwork network, Messages m) {
        javafx.scene.control.Button b = Widgets.button("demo-network", "", "demo", () -> { });
        Runnable label = () -> b.setText(m.get(network.connected() ? "demo.disconnect" : "demo.reconnect"));
        b.setOnAction(e -> {
            network.connected(!network.connected());
            label.run();
        });
        label.run();
        return b;
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
