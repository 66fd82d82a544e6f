package org.bianmin.kiosk.session;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Navigator;

/**
 * One citizen's visit. Ending it (journey finished or idle timeout) wipes everything personal that screens
 * registered, returns to the home screen and restores the defaults for the next person.
 */
public final class KioskSession {

    private final Navigator navigator;
    private final Messages messages;
    private final Language defaultLanguage;
    private final BooleanProperty elderMode = new SimpleBooleanProperty(false);
    private final List<Runnable> wipers = new ArrayList<>();
    private final Consumer<String> ended;
    private String id = UUID.randomUUID().toString();

    /** @param ended told the id of every session that ends (for the audit log; never anything personal) */
    public KioskSession(Navigator navigator, Messages messages, Language defaultLanguage, Consumer<String> ended) {
        this.navigator = navigator;
        this.messages = messages;
        this.defaultLanguage = defaultLanguage;
        this.ended = ended;
    }

    /** A random id for this visit: what the audit log records as the citizen actor. */
    public String id() {
        return id;
    }

    /** The language the citizen reads now. */
    public Language language() {
        return messages.language();
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

    public void end() {
        ended.accept(id);
        id = UUID.randomUUID().toString();
        wipers.forEach(Runnable::run);
        wipers.clear();
        navigator.home();
        elderMode.set(false);
        messages.languageProperty().set(defaultLanguage);
    }
}
