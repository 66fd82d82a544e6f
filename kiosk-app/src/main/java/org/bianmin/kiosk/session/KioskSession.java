package org.bianmin.kiosk.session;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Navigator;

/**
 * One citizen's visit. Ending it wipes everything personal that screens registered, returns to the home screen and
 * restores the defaults for the next person. It ends when the citizen is done — the rating sent or skipped, or home
 * reached (首页, or 返回 from the receipt) once their application is stored — or at the idle timeout; whoever is
 * told of the end ({@code ended}) also sees to a card still on the reader.
 */
public final class KioskSession {

    private final Navigator navigator;
    private final Messages messages;
    private final Language defaultLanguage;
    private final BooleanProperty elderMode = new SimpleBooleanProperty(false);
    private final List<Runnable> wipers = new ArrayList<>();
    private final Consumer<String> ended;
    private String id = UUID.randomUUID().toString();
    private boolean applicationFinished;
    private final ReadOnlyStringWrapper farewell = new ReadOnlyStringWrapper("");

    /** @param ended told the id of every session that ends (for the audit log; never anything personal) */
    public KioskSession(Navigator navigator, Messages messages, Language defaultLanguage, Consumer<String> ended) {
        this.navigator = navigator;
        this.messages = messages;
        this.defaultLanguage = defaultLanguage;
        this.ended = ended;
        navigator.currentProperty().addListener((o, was, now) -> {
            if (applicationFinished && navigator.atHome()) {
                end();
            } else if (!navigator.atHome()) {
                farewell.set("");
            }
        });
    }

    /**
     * The citizen's application is stored and its receipt shows: from now on, reaching the home screen means they
     * are done, and the visit ends there (nothing of it is left for the next person to find).
     */
    public void applicationFinished() {
        applicationFinished = true;
    }

    /** A random id for this visit: what the audit log records as the citizen actor. */
    public String id() {
        return id;
    }

    public BooleanProperty elderModeProperty() {
        return elderMode;
    }

    public boolean elderMode() {
        return elderMode.get();
    }

    /** Registers what must be cleared when the session ends (personal fields of a view-model, caches…). */
    public void onEnd(Runnable wipe) {
        wipers.add(wipe);
    }

    /**
     * Whether a citizen is using the kiosk: anything beyond the untouched home screen (another screen, elder mode,
     * another language, or something personal waiting to be wiped). Only then is there a visit to time out.
     */
    public boolean inProgress() {
        return !navigator.atHome() || elderMode() || messages.language() != defaultLanguage || !wipers.isEmpty();
    }

    /**
     * Ends the visit and leaves a parting word on the home screen (a message key, e.g. thanks for a rating). It
     * holds nothing personal; it goes with the next touch ({@link #input}) or screen.
     */
    public void end(String farewellKey) {
        end();
        farewell.set(farewellKey);
    }

    /** The parting word of the visit that just ended, as a message key; empty when there is none. */
    public ReadOnlyStringProperty farewellProperty() {
        return farewell.getReadOnlyProperty();
    }

    /** A touch: whoever it is has read the parting word, or did not come for it. */
    public void input() {
        farewell.set("");
    }

    public void end() {
        applicationFinished = false;
        farewell.set("");
        ended.accept(id);
        id = UUID.randomUUID().toString();
        wipers.forEach(Runnable::run);
        wipers.clear();
        navigator.home();
        elderMode.set(false);
        messages.languageProperty().set(defaultLanguage);
    }
}
