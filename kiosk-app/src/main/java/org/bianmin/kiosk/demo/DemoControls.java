package org.bianmin.kiosk.demo;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import org.bianmin.device.idcard.CardFiles;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Widgets;

/**
 * The demo's stand-in for a citizen's hands: lay a sample card on the simulated reader, take it away; and for the
 * hall's network: unplug it to see the kiosk work offline.
 */
public final class DemoControls {

    private DemoControls() {}

    public static Node build(DemoEnvironment demo, Messages m) {
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

    private static IdentityCard sample(String name) {
        try {
            return CardFiles.sample(name);
        } catch (CardFiles.CardFileException e) {
            throw new IllegalStateException("bundled sample card " + name + " is broken", e);
        }
    }
}
