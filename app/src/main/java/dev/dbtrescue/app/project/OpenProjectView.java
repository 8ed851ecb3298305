// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import dev.dbtrescue.app.common.HostKeyDialog;
import dev.dbtrescue.app.common.HostKeyQuestions;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Subscription;
import org.jspecify.annotations.Nullable;

/**
 * The welcome / open pane: the demo, a folder, artifact files, an SSH host, recent projects, a state folder, and the
 * load's progress and errors. The main window shows it when no project is open and in a dialog from the File menu.
 * Layout and bindings only: every decision is the view-model's.
 */
public final class OpenProjectView extends VBox {

    private final OpenProjectViewModel viewModel;
    private final Subscription hostKeySubscription;

    public OpenProjectView(OpenProjectViewModel viewModel) {
        super(12);
        this.viewModel = viewModel;
        setPadding(new Insets(16));
        getStyleClass().add("open-project");

        var demo = new Button("Open the demo (a failed run)");
        demo.setId("open-demo");
        demo.setMaxWidth(Double.MAX_VALUE);
        demo.setStyle("-fx-font-size: 1.4em; -fx-padding: 0.8em 1.6em;");
        demo.defaultButtonProperty().bind(viewModel.firstStartProperty());
        demo.setOnAction(e -> viewModel.openDemo());

        var folder = new Button("Open project folder…");
        folder.setId("open-folder");
        folder.setOnAction(e -> chooseFolder());

        var files = new Button("Open artifact files…");
        files.setId("open-files");
        files.setOnAction(e -> chooseFiles());

        var path = new TextField();
        path.setId("project-path");
        path.setPromptText("…or paste a project folder or manifest.json path");
        HBox.setHgrow(path, Priority.ALWAYS);
        var openPath = new Button("Open");
        openPath.setId("open-path");
        openPath.setOnAction(e -> viewModel.openPath(path.getText()));
        path.setOnAction(e -> viewModel.openPath(path.getText()));

        getChildren()
                .addAll(
                        demo,
                        new HBox(8, folder, files),
                        new HBox(8, path, openPath),
                        sshForm(),
                        stateRow(),
                        recentList(),
                        progressRow(),
                        errorArea());

        installDropTarget(this);
        hostKeySubscription = viewModel.hostKeyQuestionProperty().subscribe(question -> question.ifPresent(this::ask));
    }

    /** Lets files and folders dropped on {@code target} (the main window's graph, say) open a project. */
    public void installDropTarget(Node target) {
        target.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            event.consume();
        });
        target.setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles();
            if (accepted) {
                viewModel.openDropped(event.getDragboard().getFiles().stream()
                        .map(File::toPath)
                        .toList());
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    /** Stops listening to the view-model, for a view that is thrown away while the view-model lives on. */
    public void dispose() {
        hostKeySubscription.unsubscribe();
    }

    private TitledPane sshForm() {
        var host = new TextField();
        host.setId("ssh-host");
        host.setPromptText("user@host:port or ~/.ssh/config alias");
        var dir = new TextField();
        dir.setId("ssh-path");
        dir.setPromptText("/srv/dbt/my_project");
        var identity = new TextField();
        identity.setId("ssh-identity");
        identity.setPromptText("optional: ~/.ssh/id_ed25519 (the agent's keys are tried too)");
        var open = new Button("Open over SSH");
        open.setId("ssh-open");
        open.setOnAction(e -> viewModel.openSsh(
                host.getText(),
                dir.getText(),
                identity.getText().isBlank()
                        ? Optional.empty()
                        : Optional.of(Path.of(identity.getText().strip())),
                viewModel.stateFolderProperty().get()));
        var grid = new GridPane(8, 6);
        grid.addRow(0, new Label("Host"), host);
        grid.addRow(1, new Label("Project folder"), dir);
        grid.addRow(2, new Label("Key file"), identity);
        grid.add(open, 1, 3);
        GridPane.setHgrow(host, Priority.ALWAYS);
        var pane = new TitledPane("Open a project on an SSH host", grid);
        pane.setExpanded(false);
        return pane;
    }

    private HBox stateRow() {
        var choose = new Button("State folder…");
        choose.setId("state-folder");
        choose.setOnAction(e -> {
            var chooser = new DirectoryChooser();
            chooser.setTitle("State folder (for example a copy of production's target/)");
            File chosen = chooser.showDialog(window());
            if (chosen != null) {
                viewModel.chooseStateFolder(chosen.toPath());
            }
        });
        var clear = new Button("Clear");
        clear.setId("state-folder-clear");
        clear.setOnAction(e -> viewModel.clearStateFolder());
        var shown = new Label();
        shown.setId("state-folder-path");
        shown.textProperty().bind(viewModel.stateFolderTextProperty());
        return new HBox(8, new Label("Compare with state:"), shown, choose, clear);
    }

    private VBox recentList() {
        var list = new ListView<>(viewModel.getRecentProjects());
        list.setId("recent-projects");
        list.setPlaceholder(new Label("No recent projects yet: open the demo to look around"));
        list.setPrefHeight(180);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ProjectSource item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.describe());
            }
        });
        list.setOnMouseClicked(e -> {
            ProjectSource chosen = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && chosen != null) {
                viewModel.openRecent(chosen);
            }
        });
        list.setOnKeyPressed(e -> {
            ProjectSource chosen = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && chosen != null) {
                viewModel.openRecent(chosen);
            }
        });
        return new VBox(4, new Label("Recent projects"), list);
    }

    private HBox progressRow() {
        var bar = new ProgressBar();
        bar.setId("load-progress");
        bar.progressProperty().bind(viewModel.progressProperty());
        var text = new Label();
        text.setId("load-step");
        text.textProperty().bind(viewModel.stepProperty());
        var cancel = new Button("Cancel");
        cancel.setId("load-cancel");
        cancel.setOnAction(e -> viewModel.cancel());
        bar.visibleProperty().bind(viewModel.busyProperty());
        cancel.visibleProperty().bind(viewModel.busyProperty());
        var row = new HBox(8, bar, text, cancel);
        row.visibleProperty()
                .bind(Bindings.or(
                        viewModel.busyProperty(), viewModel.stepProperty().isNotEmpty()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private TextArea errorArea() {
        var area = new TextArea();
        area.setId("load-error");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(4);
        area.textProperty().bind(viewModel.errorProperty());
        area.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        area.managedProperty().bind(area.visibleProperty());
        area.getStyleClass().add("error-text");
        return area;
    }

    private void chooseFolder() {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Open a dbt project folder");
        File chosen = chooser.showDialog(window());
        if (chosen != null) {
            viewModel.openFolder(
                    chosen.toPath(), viewModel.stateFolderProperty().get());
        }
    }

    private void chooseFiles() {
        var chooser = new FileChooser();
        chooser.setTitle("Open dbt artifacts (manifest.json, run_results.json, sources.json)");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("dbt artifacts", "*.json"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(window());
        if (chosen != null && !chosen.isEmpty()) {
            viewModel.openFiles(
                    chosen.stream().map(File::toPath).toList(),
                    viewModel.stateFolderProperty().get());
        }
    }

    private void ask(HostKeyQuestions.Question question) {
        viewModel.answerHostKey(HostKeyDialog.trust(window(), question));
    }

    private @Nullable Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
