package org.bianmin.kiosk.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A folder and file chooser for the touch screen (no desktop dialog): it starts at the removable media mounted
 * under the given roots ({@code /media}, {@code /run/media}, {@code /mnt}), lists one folder at a time as big rows,
 * never goes above the medium it started on, and offers only the files {@code choosable} accepts.
 */
public final class FileBrowserViewModel {

    /** The usual places a USB stick appears on Linux. */
    public static final List<Path> MEDIA_ROOTS = List.of(Path.of("/media"), Path.of("/run/media"), Path.of("/mnt"));
    /** System property naming other media roots (path-separated), for a test or a kiosk that mounts elsewhere. */
    public static final String MEDIA_PROPERTY = "bianmin.kiosk.media";

    /** {@value #MEDIA_PROPERTY} if set, else {@link #MEDIA_ROOTS}. */
    public static List<Path> mediaRoots() {
        String given = System.getProperty(MEDIA_PROPERTY, "");
        return given.isBlank() ? MEDIA_ROOTS : java.util.Arrays.stream(given.split(java.io.File.pathSeparator))
                .map(Path::of).toList();
    }

    /** One row: a folder to open or a file to choose. */
    public record Entry(Path path, boolean folder, boolean choosable) {
        public String name() {
            return path.getFileName() == null ? path.toString() : path.getFileName().toString();
        }
    }

    private final List<Path> roots;
    private final Predicate<Path> choosable;
    private final Consumer<Path> chosen;
    private final Runnable cancelled;
    private final String titleKey;
    /** The folder shown, or null for the list of media. */
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Entry>> entries = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Prompt> problem = new ReadOnlyObjectWrapper<>();
    private Path medium;

    /**
     * @param titleKey  bundle key of what is being chosen ("choose a signed catalogue file")
     * @param choosable which files may be chosen (others are not listed)
     */
    public FileBrowserViewModel(List<Path> roots, String titleKey, Predicate<Path> choosable, Consumer<Path> chosen,
                                Runnable cancelled) {
        this.roots = List.copyOf(roots);
        this.titleKey = titleKey;
        this.choosable = choosable;
        this.chosen = chosen;
        this.cancelled = cancelled;
        showMedia();
    }

    public String titleKey() {
        return titleKey;
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Entry>> entriesProperty() {
        return entries.getReadOnlyProperty();
    }

    /** Why the listing is empty or failed (no medium, unreadable folder), or null. */
    public ReadOnlyObjectProperty<Prompt> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Back to the list of media (after plugging in a stick, say). */
    public void showMedia() {
        medium = null;
        folder.set(null);
        problem.set(null);
        List<Entry> media = new ArrayList<>();
        for (Path root : roots) {
            media.addAll(list(root).stream().filter(Entry::folder).toList());
        }
        entries.set(media);
        if (media.isEmpty() && problem.get() == null) {
            problem.set(Prompt.of("admin.files.noMedia"));
        }
    }

    public void open(Entry entry) {
        if (entry.folder()) {
            if (medium == null) {
                medium = entry.path();
            }
            show(entry.path());
        } else if (entry.choosable()) {
            chosen.accept(entry.path());
        }
    }

    /** One folder up, or back to the media list from the top of a medium. */
    public void up() {
        Path current = folder.get();
        if (current == null || current.equals(medium)) {
            showMedia();
        } else {
            show(current.getParent());
        }
    }

    public void cancel() {
        cancelled.run();
    }

    private void show(Path dir) {
        folder.set(dir);
        problem.set(null);
        List<Entry> listed = list(dir);
        entries.set(listed);
        if (listed.isEmpty() && problem.get() == null) {
            problem.set(Prompt.of("admin.files.empty"));
        }
    }

    private List<Entry> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> new Entry(p, Files.isDirectory(p), !Files.isDirectory(p) && choosable.test(p)))
                    .filter(e -> e.folder() || e.choosable())
                    .sorted(Comparator.comparing(Entry::folder).reversed().thenComparing(Entry::name))
                    .toList();
        } catch (IOException e) {
            problem.set(Prompt.of("admin.files.unreadable", Optional.ofNullable(e.getMessage()).orElse("")));
            return List.of();
        }
    }
}
