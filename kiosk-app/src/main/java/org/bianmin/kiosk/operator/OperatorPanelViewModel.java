package org.bianmin.kiosk.operator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.sync.SyncEngine;
import org.bianmin.kiosk.admin.AdminScreen;
import org.bianmin.kiosk.admin.AdminSession;
import org.bianmin.kiosk.admin.FileBrowserViewModel;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.protocol.signing.KeyFile;

/**
 * The operator's console behind the hidden entry: catalogue, outbox, kiosk identity and audit log, one section
 * at a time; a file chooser for USB media takes the section's place while a file is being picked.
 */
public final class OperatorPanelViewModel implements AdminScreen {

    public enum Section { CATALOGUE, OUTBOX, IDENTITY, AUDIT }

    /**
     * What the panel works on. {@code importKeys} are the keys a catalogue file is verified with (config.json's,
     * asked at each import); {@code mediaRoots} where USB sticks appear; {@code background} runs storage work.
     */
    public record Services(OfflineCache cache, Optional<SyncEngine> sync, ConfigStore config,
                           IdentityViewModel.Running running, Supplier<List<KeyFile>> importKeys,
                           List<Path> mediaRoots, Clock clock, Executor background, Executor ui) {}

    private final AdminSession session;
    private final List<Path> mediaRoots;
    private final CatalogueViewModel catalogue;
    private final OutboxViewModel outbox;
    private final IdentityViewModel identity;
    private final AuditViewModel audit;
    private final ReadOnlyObjectWrapper<Section> section = new ReadOnlyObjectWrapper<>(Section.CATALOGUE);
    private final ReadOnlyObjectWrapper<FileBrowserViewModel> browser = new ReadOnlyObjectWrapper<>();

    public OperatorPanelViewModel(AdminSession session, Services s) {
        this.session = session;
        this.mediaRoots = s.mediaRoots();
        this.catalogue = new CatalogueViewModel(() -> s.cache().catalogue().current().orElseThrow(), s.sync(),
                new CatalogueImport(s.cache().catalogue(), s.importKeys()), session, s.background(), s.ui());
        this.outbox = new OutboxViewModel(s.cache().outbox(), s.sync(), s.clock(), session, s.background(), s.ui());
        this.identity = new IdentityViewModel(s.config(), s.running(), session);
        this.audit = new AuditViewModel(s.cache().audit(), session, s.background(), s.ui());
    }

    @Override
    public String titleKey() {
        return "operator.title";
    }

    public AdminSession session() {
        return session;
    }

    public CatalogueViewModel catalogue() {
        return catalogue;
    }

    public OutboxViewModel outbox() {
        return outbox;
    }

    public IdentityViewModel identity() {
        return identity;
    }

    public AuditViewModel audit() {
        return audit;
    }

    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return section.getReadOnlyProperty();
    }

    /** The file chooser while one is open, else null. */
    public ReadOnlyObjectProperty<FileBrowserViewModel> browserProperty() {
        return browser.getReadOnlyProperty();
    }

    public void show(Section next) {
        browser.set(null);
        section.set(next);
        switch (next) {
            case CATALOGUE -> catalogue.refresh();
            case OUTBOX -> outbox.refresh();
            case IDENTITY -> identity.revert();
            case AUDIT -> audit.refresh();
        }
    }

    /** Pick a signed catalogue file on a USB stick and import it. */
    public void chooseCatalogueFile() {
        choose("operator.import.choose", CatalogueImport::offered, catalogue::importFrom);
    }

    /** Pick a public key file ({@code .pub.json}) on a USB stick and add it to the trusted keys. */
    public void chooseKeyFile() {
        choose("operator.identity.chooseKey", p -> p.getFileName().toString().endsWith(".pub.json"),
                identity::addKey);
    }

    private void choose(String titleKey, Predicate<Path> offered, Consumer<Path> then) {
        browser.set(new FileBrowserViewModel(mediaRoots, titleKey, offered, file -> {
            browser.set(null);
            then.accept(file);
        }, () -> browser.set(null)));
    }

    @Override
    public void enter() {
        show(section.get());
    }
}
