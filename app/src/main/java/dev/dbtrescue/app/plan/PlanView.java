// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.plan;

import dev.dbtrescue.app.common.Spinners;
import dev.dbtrescue.app.plan.PlanViewModel.BatchRow;
import dev.dbtrescue.app.plan.PlanViewModel.NodeRow;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The plan panel: constraints, the batches with their commands, warnings, hand edits and the plan's files. */
public final class PlanView extends VBox {

    private final PlanViewModel viewModel;
    private final ListView<BatchRow> batchList;
    private final ListView<NodeRow> nodeList;

    public PlanView(PlanViewModel viewModel) {
        this.viewModel = viewModel;
        setSpacing(6);
        setPadding(new Insets(8));
        getStyleClass().add("plan-panel");

        var maxNodes = spinner(0, 100_000, viewModel.maxNodesProperty(), "plan-max-nodes");
        var maxMinutes = spinner(0, 24 * 60, viewModel.maxMinutesProperty(), "plan-max-minutes");
        var threads = spinner(0, 256, viewModel.threadsProperty(), "plan-threads");
        var split = new ChoiceBox<>(FXCollections.observableArrayList(PlanViewModel.SPLIT_MODES));
        split.setId("plan-split");
        split.valueProperty().bindBidirectional(viewModel.splitProperty());
        var command = new ChoiceBox<>(FXCollections.observableArrayList(PlanViewModel.COMMANDS));
        command.setId("plan-command");
        command.valueProperty().bindBidirectional(viewModel.commandProperty());
        var target = field("plan-target", "--target", viewModel.targetProperty().get());
        target.textProperty().bindBidirectional(viewModel.targetProperty());
        var vars = field("plan-vars", "--vars, e.g. {as_of_date: 2025-12-31}", "");
        vars.textProperty().bindBidirectional(viewModel.varsProperty());
        var fullRefresh = field("plan-full-refresh", "full refresh: model names", "");
        fullRefresh.textProperty().bindBidirectional(viewModel.fullRefreshProperty());
        for (TextField f : new TextField[] {target, vars, fullRefresh}) {
            f.setOnAction(e -> viewModel.replan());
        }
        var defer = new CheckBox("Defer to state");
        defer.setId("plan-defer");
        defer.setTooltip(new Tooltip("--defer --state: unselected parents are read from the production state"));
        defer.selectedProperty().bindBidirectional(viewModel.deferProperty());
        defer.disableProperty().bind(viewModel.deferAvailableProperty().not());
        var again = new Button("Plan again");
        again.setId("plan-again");
        again.setTooltip(new Tooltip("Apply target, vars and full refresh, and drop hand edits"));
        again.setOnAction(e -> viewModel.replan());
        var saveDefaults = new Button("Save as default");
        saveDefaults.setId("plan-save-defaults");
        saveDefaults.setTooltip(
                new Tooltip("Every project opens with these constraints (full refresh names excepted)"));
        saveDefaults.setOnAction(e -> viewModel.saveAsDefaults());
        var busy = Spinners.whileBusy(viewModel.busyProperty());
        busy.setPrefSize(16, 16);

        var constraints = new FlowPane(
                10,
                6,
                labelled("Max nodes", maxNodes),
                labelled("Max minutes", maxMinutes),
                labelled("Split", split),
                labelled("Command", command),
                labelled("Threads", threads),
                labelled("Target", target),
                labelled("Vars", vars),
                labelled("Full refresh", fullRefresh),
                defer,
                again,
                saveDefaults,
                busy);

        var summary = new Label();
        summary.setId("plan-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        var edited = new Label("(edited by hand)");
        edited.visibleProperty().bind(viewModel.editedProperty());
        var error = new Label();
        error.setId("plan-error");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        var message = new Label();
        message.setId("plan-message");
        message.textProperty().bind(viewModel.messageProperty());

        var warnings = new ListView<>(viewModel.getWarnings());
        warnings.setId("plan-warnings");
        warnings.setPrefHeight(64);
        warnings.setPlaceholder(new Label("No warnings"));
        warnings.visibleProperty().bind(Bindings.isNotEmpty(viewModel.getWarnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());

        batchList = new ListView<>(viewModel.getBatches());
        batchList.setId("plan-batches");
        batchList.setPlaceholder(new Label("Select nodes (a preset, a selector or clicks) to plan their rebuild"));
        nodeList = new ListView<>();
        nodeList.setId("batch-nodes");
        var commandText = new TextArea();
        commandText.setId("batch-command");
        commandText.setEditable(false);
        commandText.setWrapText(true);
        commandText.setPrefRowCount(3);
        var notes = new Label();
        notes.setWrapText(true);
        notes.getStyleClass().add("warning-text");
        batchList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            nodeList.setItems(
                    now == null ? FXCollections.observableArrayList() : FXCollections.observableArrayList(now.nodes()));
            commandText.setText(now == null ? "" : now.commandPreview());
            notes.setText(now == null ? "" : String.join("\n", now.notes()));
        });
        int[] lastSelected = {0};
        batchList.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> {
            if (now.intValue() >= 0) {
                lastSelected[0] = now.intValue();
            }
        });
        viewModel.getBatches().addListener((ListChangeListener<BatchRow>) c -> {
            int wanted = lastSelected[0];
            // the list's own selection model clears its selection after this listener on a replacement, so select
            // once the change is through: the same batch number when it still exists, else the last
            Platform.runLater(() -> {
                int size = viewModel.getBatches().size();
                if (size > 0 && batchList.getSelectionModel().isEmpty()) {
                    batchList.getSelectionModel().clearAndSelect(Math.min(wanted, size - 1));
                }
            });
        });
        nodeList.setContextMenu(nodeMenu());

        var copy = button("Copy command", "copy-batch-command", e -> {
            var content = new ClipboardContent();
            BatchRow row = batchList.getSelectionModel().getSelectedItem();
            content.putString(row == null ? "" : row.command());
            Clipboard.getSystemClipboard().setContent(content);
        });
        copy.disableProperty().bind(commandText.textProperty().isEmpty());
        var merge = button("Merge with next", "merge-batch", e -> viewModel.mergeWithNext(selectedBatch()));
        var splitHere = button(
                "Split before node",
                "split-batch",
                e -> viewModel.split(
                        selectedBatch(), nodeList.getSelectionModel().getSelectedIndex()));
        var earlier = button(
                "Earlier",
                "batch-earlier",
                e -> viewModel.moveBatch(selectedBatch(), -1).thenAccept(moved -> reselect(moved, -1)));
        var later = button(
                "Later",
                "batch-later",
                e -> viewModel.moveBatch(selectedBatch(), 1).thenAccept(moved -> reselect(moved, 1)));
        var edits = new HBox(6, copy, merge, splitHere, earlier, later);
        edits.setAlignment(Pos.CENTER_LEFT);
        var detail = new VBox(6, commandText, edits, notes, nodeList);
        VBox.setVgrow(nodeList, Priority.ALWAYS);
        var lists = new SplitPane(batchList, detail);
        lists.setDividerPositions(0.4);
        VBox.setVgrow(lists, Priority.ALWAYS);

        var save = button(
                "Save plan…",
                "save-plan",
                e -> choose("Save the plan", "plan.json", true).ifPresent(viewModel::save));
        var load = button(
                "Load plan…",
                "load-plan",
                e -> choose("Load a plan", "plan.json", false).ifPresent(viewModel::load));
        var shell = button(
                "Export shell script…",
                "export-plan-shell",
                e -> choose("Export the plan as a shell script", "rescue.sh", true)
                        .ifPresent(viewModel::exportShell));
        var markdown = button(
                "Export Markdown…",
                "export-plan-markdown",
                e -> choose("Export the plan as Markdown", "plan.md", true).ifPresent(viewModel::exportMarkdown));
        for (Button b : new Button[] {save, shell, markdown}) {
            b.disableProperty().bind(viewModel.planProperty().isNull());
        }
        var files = new HBox(6, save, load, shell, markdown, message);
        files.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(constraints, new HBox(8, summary, edited), error, warnings, lists, files);
    }

    /** The batch list, for tests. */
    ListView<BatchRow> batchList() {
        return batchList;
    }

    private ContextMenu nodeMenu() {
        var move = new Menu("Move to batch");
        move.setId("move-node-menu");
        var menu = new ContextMenu(move);
        menu.setOnShowing(e -> {
            move.getItems().clear();
            NodeRow node = nodeList.getSelectionModel().getSelectedItem();
            int from = selectedBatch();
            if (node == null) {
                return;
            }
            for (BatchRow batch : viewModel.getBatches()) {
                if (batch.number() == from) {
                    continue;
                }
                var item = new MenuItem("Batch " + batch.number());
                item.setId("move-to-batch-" + batch.number());
                item.setOnAction(a -> viewModel.moveNode(node.uniqueId(), batch.number()));
                move.getItems().add(item);
            }
        });
        return menu;
    }

    private int selectedBatch() {
        BatchRow row = batchList.getSelectionModel().getSelectedItem();
        return row == null ? -1 : row.number();
    }

    private void reselect(boolean moved, int delta) {
        if (moved) {
            int index = batchList.getSelectionModel().getSelectedIndex();
            batchList.getSelectionModel().clearAndSelect(Math.max(0, index + delta));
        }
    }

    private Optional<Path> choose(String title, String name, boolean saving) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        File file = saving
                ? chooser.showSaveDialog(getScene().getWindow())
                : chooser.showOpenDialog(getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }

    /** A spinner that sets {@code value} and follows it when the view-model changes it (defaults applied). */
    private static Spinner<Integer> spinner(int min, int max, IntegerProperty value, String id) {
        var spinner = new Spinner<Integer>(min, max, value.get());
        spinner.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                value.set(b);
            }
        });
        value.addListener((o, a, b) -> spinner.getValueFactory().setValue(b.intValue()));
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        spinner.setTooltip(new Tooltip("0 for no limit"));
        return spinner;
    }

    private static TextField field(String id, String prompt, String value) {
        var field = new TextField(value);
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(12);
        return field;
    }

    private static HBox labelled(String text, Node control) {
        var box = new HBox(4, new Label(text), control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Button button(String text, String id, EventHandler<ActionEvent> action) {
        var button = new Button(text);
        button.setId(id);
        button.setOnAction(action);
        return button;
    }
}
