package org.bianmin.kiosk.operator;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.kiosk.admin.AdminSession;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.bianmin.protocol.signing.SigningException;

/**
 * The kiosk's identity as config.json has it: kiosk id, portal URL and the public keys whose catalogue signatures
 * it accepts. Edits are checked with {@link KioskConfig#problems()} and saved atomically; the running sync engine
 * and receipts keep the values they started with until the next start, and the panel says so.
 */
public final class IdentityViewModel {

    /**
     * The values the kiosk runs with now (what a restart would replace), and the key that signed the catalogue in
     * use (empty for the bundled or an unsigned one).
     */
    public record Running(String kioskId, URI portalUrl, List<String> keyIds, Optional<String> catalogueKeyId) {}

    private final ConfigStore store;
    private final Running running;
    private final AdminSession session;
    private final StringProperty kioskId = new SimpleStringProperty("");
    private final StringProperty portalUrl = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<List<KeyFile>> keys = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<Prompt>> messages = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper restartNeeded = new ReadOnlyBooleanWrapper(false);
    private KioskConfig saved;

    public IdentityViewModel(ConfigStore store, Running running, AdminSession session) {
        this.store = store;
        this.running = running;
        this.session = session;
        revert();
    }

    public StringProperty kioskIdProperty() {
        return kioskId;
    }

    public StringProperty portalUrlProperty() {
        return portalUrl;
    }

    public ReadOnlyObjectProperty<List<KeyFile>> keysProperty() {
        return keys.getReadOnlyProperty();
    }

    /** What the last action said: problems by field, or "saved". */
    public ReadOnlyObjectProperty<List<Prompt>> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    /** True when config.json's identity differs from what the kiosk runs with. */
    public ReadOnlyBooleanProperty restartNeededProperty() {
        return restartNeeded.getReadOnlyProperty();
    }

    public Running running() {
        return running;
    }

    /** Back to what config.json holds. */
    public void revert() {
        try {
            saved = store.loadOrCreate();
        } catch (ConfigStore.ConfigException e) {
            saved = null;
            messages.set(List.of(Prompt.of("operator.identity.configInvalid", e.getMessage())));
            return;
        }
        kioskId.set(saved.kioskId());
        portalUrl.set(saved.portalUrl().toString());
        keys.set(saved.trustedKeys());
        messages.set(List.of());
        restartNeeded.set(differsFromRunning(saved));
    }

    /** Adds the public key in {@code file} (a {@code .pub.json} from {@code kioskctl keys generate}); saved on Save. */
    public void addKey(Path file) {
        KeyFile key;
        try {
            key = Ed25519Keys.read(file);
            Ed25519Keys.publicKey(key);
        } catch (SigningException e) {
            messages.set(List.of(Prompt.of("operator.identity.keyUnreadable", file.getFileName().toString())));
            return;
        }
        if (key.privateKey() != null) {
            messages.set(List.of(Prompt.of("operator.identity.keyPrivate", file.getFileName().toString())));
            return;
        }
        if (keys.get().stream().anyMatch(k -> k.keyId().equals(key.keyId()))) {
            messages.set(List.of(Prompt.of("operator.identity.keyKnown", key.keyId())));
            return;
        }
        List<KeyFile> more = new ArrayList<>(keys.get());
        more.add(key);
        keys.set(List.copyOf(more));
        messages.set(List.of(Prompt.of("operator.identity.keyAdded", key.keyId())));
    }

    /** Removes a key; never the one the catalogue in use is signed with (the next start would refuse it). */
    public void removeKey(String keyId) {
        if (running.catalogueKeyId().filter(keyId::equals).isPresent()) {
            messages.set(List.of(Prompt.of("operator.identity.keyInUse", keyId)));
            return;
        }
        keys.set(keys.get().stream().filter(k -> !k.keyId().equals(keyId)).toList());
        messages.set(List.of(Prompt.of("operator.identity.keyRemoved", keyId)));
    }

    /** Validates and saves; on a problem nothing is written and each problem is named by field. */
    public void save() {
        if (saved == null) {
            revert();
            return;
        }
        Optional<URI> portal = uri(portalUrl.get().strip());
        if (portal.isEmpty()) {
            messages.set(List.of(Prompt.of("operator.identity.problem.portalUrl")));
            return;
        }
        KioskConfig edited = saved.withIdentity(kioskId.get().strip(), portal.get(), keys.get());
        List<Prompt> problems = edited.problems().stream().map(IdentityViewModel::problem).toList();
        if (!problems.isEmpty()) {
            messages.set(problems);
            session.audit("operator.identity.save", Outcome.DENIED, "invalid: " + String.join("; ",
                    edited.problems().stream().map(p -> p.substring(0, Math.max(0, p.indexOf(':')))).toList()));
            return;
        }
        try {
            store.save(edited);
        } catch (ConfigStore.ConfigException e) {
            messages.set(List.of(Prompt.of("operator.identity.notSaved", e.getMessage())));
            session.audit("operator.identity.save", Outcome.FAILURE, e.getMessage());
            return;
        }
        session.audit("operator.identity.save", Outcome.SUCCESS, changes(saved, edited));
        saved = edited;
        restartNeeded.set(differsFromRunning(edited));
        messages.set(List.of(Prompt.of(restartNeeded.get() ? "operator.identity.savedRestart"
                : "operator.identity.saved")));
    }

    private boolean differsFromRunning(KioskConfig config) {
        return !config.kioskId().equals(running.kioskId()) || !config.portalUrl().equals(running.portalUrl())
                || !config.trustedKeys().stream().map(KeyFile::keyId).collect(Collectors.toSet())
                        .equals(Set.copyOf(running.keyIds()));
    }

    /** What changed, by name and key id: for the audit log. */
    private static String changes(KioskConfig before, KioskConfig after) {
        List<String> changed = new ArrayList<>();
        if (!before.kioskId().equals(after.kioskId())) {
            changed.add("kioskId " + before.kioskId() + " -> " + after.kioskId());
        }
        if (!before.portalUrl().equals(after.portalUrl())) {
            changed.add("portalUrl " + before.portalUrl() + " -> " + after.portalUrl());
        }
        List<String> was = before.trustedKeys().stream().map(KeyFile::keyId).toList();
        List<String> now = after.trustedKeys().stream().map(KeyFile::keyId).toList();
        now.stream().filter(k -> !was.contains(k)).forEach(k -> changed.add("key +" + k));
        was.stream().filter(k -> !now.contains(k)).forEach(k -> changed.add("key -" + k));
        return changed.isEmpty() ? "no change" : String.join("; ", changed);
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A problem from {@link KioskConfig#problems()} in the operator's language where the field is one shown here. */
    private static Prompt problem(String problem) {
        String field = problem.substring(0, Math.max(0, problem.indexOf(':')));
        return switch (field) {
            case "kioskId", "portalUrl" -> Prompt.of("operator.identity.problem." + field);
            case "trustedKeys" -> Prompt.of(problem.contains("private") ? "operator.identity.problem.privateKey"
                    : "operator.identity.problem.trustedKeys");
            default -> Prompt.of("operator.identity.problem.other", problem);
        };
    }
}
