package org.bianmin.kiosk.admin;

import java.nio.file.Path;
import java.time.ZoneId;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Widgets;
import org.bianmin.kiosk.ui.ViewScope;

/** The touch file chooser: where we are, up / media / cancel, and one big row per folder or file. */
public final class FileBrowserView {

    private FileBrowserView() {}

    public static Node build(FileBrowserViewModel vm, ViewScope scope, ZoneId zone) {
        Messages m = scope.messages();
        VBox rows = new VBox();
        rows.getStyleClass().add("file-rows");
        var where = Widgets.label("", "muted");
        where.setId("files-where");
        var problem = Widgets.label("", "notice");
        problem.setId("files-problem");
        Runnable render = () -> {
            Path folder = vm.folderProperty().get();
            where.setText(folder == null ? m.get("admin.files.media") : m.get("admin.files.in", folder.toString()));
            Prompt p = vm.problemProperty().get();
            problem.setText(p == null ? "" : p.text(m, zone));
            problem.setVisible(p != null);
            problem.setManaged(p != null);
            rows.getChildren().clear();
            int i = 0;
            for (FileBrowserViewModel.Entry entry : vm.entriesProperty().get()) {
                Button row = Widgets.button("file-" + i++, entry.folder() ? entry.name() + "  ›" : entry.name(),
                        "item-row", () -> vm.open(entry));
                row.getStyleClass().add(entry.folder() ? "file-folder" : "file-choosable");
                row.setMaxWidth(Double.MAX_VALUE);
                rows.getChildren().add(row);
            }
        };
        scope.onChange(vm.entriesProperty(), render);
        scope.onChange(vm.problemProperty(), render);
        render.run();
        HBox actions = new HBox(12, Widgets.button("files-up", m.get("admin.files.up"), "secondary", vm::up),
                Widgets.button("files-media", m.get("admin.files.rescan"), "secondary", vm::showMedia),
                Widgets.button("files-cancel", m.get("admin.cancel"), "secondary", vm::cancel));
        VBox box = new VBox(Widgets.label(m.get(vm.titleKey()), "section-title"), where, actions, problem, rows);
        box.getStyleClass().add("card");
        box.setId("file-browser");
        return box;
    }
}
