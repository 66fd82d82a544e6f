package org.bianmin.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBrowserViewModelTest {

    @TempDir
    Path dir;

    private final List<Path> chosen = new ArrayList<>();

    private FileBrowserViewModel browser(Path... roots) {
        return new FileBrowserViewModel(List.of(roots), "operator.import.choose",
                p -> p.toString().endsWith(".json"), chosen::add, () -> chosen.add(null));
    }

    private List<String> names(FileBrowserViewModel vm) {
        return vm.entriesProperty().get().stream().map(FileBrowserViewModel.Entry::name).toList();
    }

    @Test
    void startsAtTheMediaListsFoldersFirstOffersOnlyChoosableFilesAndStaysOnTheMedium() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path stick = Files.createDirectories(media.resolve("KINGSTON"));
        Files.createDirectories(stick.resolve("2026-11"));
        Files.writeString(stick.resolve("catalogue.json"), "{}");
        Files.writeString(stick.resolve("catalogue.json.sig"), "{}");
        Files.writeString(stick.resolve("readme.txt"), "x");
        Files.writeString(stick.resolve(".hidden.json"), "x");

        FileBrowserViewModel vm = browser(media, dir.resolve("absent"));
        assertThat(names(vm)).containsExactly("KINGSTON");
        vm.open(vm.entriesProperty().get().getFirst());
        assertThat(vm.folderProperty().get()).isEqualTo(stick);
        assertThat(names(vm)).containsExactly("2026-11", "catalogue.json");

        vm.open(vm.entriesProperty().get().getFirst());
        assertThat(vm.problemProperty().get()).isEqualTo(Prompt.of("admin.files.empty"));
        vm.up();
        assertThat(vm.folderProperty().get()).isEqualTo(stick);
        vm.open(vm.entriesProperty().get().get(1));
        assertThat(chosen).containsExactly(stick.resolve("catalogue.json"));
        vm.up();
        assertThat(vm.folderProperty().get()).as("up from the top of the stick: the media list, not /media")
                .isNull();
        vm.cancel();
        assertThat(chosen).endsWith((Path) null);
    }

    @Test
    void withoutMediaItSaysSo() {
        FileBrowserViewModel vm = browser(dir.resolve("nothing-here"));
        assertThat(vm.entriesProperty().get()).isEmpty();
        assertThat(vm.problemProperty().get()).isEqualTo(Prompt.of("admin.files.noMedia"));
    }
}
