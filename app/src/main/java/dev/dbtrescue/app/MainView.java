// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.common.Spinners;
import dev.dbtrescue.app.detail.DetailView;
import dev.dbtrescue.app.lineage.LineageView;
import dev.dbtrescue.app.lineage.Preset;
import dev.dbtrescue.app.lineage.SelectionView;
import dev.dbtrescue.app.lineage.SelectionViewModel;
import dev.dbtrescue.app.plan.PlanView;
import dev.dbtrescue.app.project.OpenProjectView;
import dev.dbtrescue.app.report.ExportViewModel;
import dev.dbtrescue.app.run.RunView;
import dev.dbtrescue.app.run.RunViewModel;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** The window: menus, the selection panel, the lineage and the detail pane; the open-project panel on top. */
public final class MainView extends BorderPane {

    private final MainViewModel viewModel;
    private final LineageView lineage;
    private final TabPane tabs;
    private final Map<String, SplitPane> splits;
    private final CheckMenuItem darkTheme = new CheckMenuItem("Dark theme");

    public MainView(MainViewModel viewModel, Executor rasterExecutor) {
        this.viewModel = viewModel;
        lineage = new LineageView(viewModel.lineage(), rasterExecutor);
        var selection = new SelectionView(viewModel.selection());
        var detail = new DetailView(viewModel.detail());
        detail.setMinWidth(280);
        var plan = new PlanView(viewModel.rescue().plan());
        var run = new RunView(viewModel.rescue().run());
        var planTab = new Tab("Plan", plan);
        planTab.setId("plan-tab");
        planTab.setClosable(false);
        var runTab = new Tab("Run", run);
        runTab.setId("run-tab");
        runTab.setClosable(false);
        tabs = new TabPane(planTab, runTab);
        tabs.setId("rescue-tabs");
        viewModel.rescue().run().runningProperty().addListener((obs, was, now) -> {
            if (now) {
                tabs.getSelectionModel().select(runTab);
            }
        });
        var middle = new SplitPane(lineage, tabs);
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.62);
        var split = new SplitPane(selection, middle, detail);
        split.setId("workspace");
        split.setDividerPositions(0.2, 0.75);
        SplitPane.setResizableWithParent(selection, false);
        SplitPane.setResizableWithParent(detail, false);
        splits = Map.of("workspace", split, "middle", middle);

        var open = new OpenProjectView(viewModel.open());
        open.setMaxWidth(760);
        var close = new Button("Back to the project");
        close.setId("close-open-panel");
        close.visibleProperty().bind(viewModel.sessionProperty().isNotNull());
        close.managedProperty().bind(close.visibleProperty());
        close.setOnAction(e -> viewModel.hideOpenPanel());
        var openBox = new VBox(10, close, open);
        openBox.setAlignment(Pos.TOP_CENTER);
        openBox.setPadding(new Insets(24));
        openBox.setMaxWidth(820);
        var openScroll = new ScrollPane(openBox);
        openScroll.setId("open-panel");
        openScroll.setFitToWidth(true);
        openScroll.visibleProperty().bind(viewModel.openPanelShownProperty());
        split.visibleProperty().bind(viewModel.openPanelShownProperty().not());
        open.installDropTarget(this);

        var warnings = new Label();
        warnings.setId("load-warnings");
        warnings.setWrapText(true);
        warnings.setPadding(new Insets(4, 10, 4, 10));
        warnings.setStyle("-fx-background-color: #fff3cd; -fx-text-fill: #664d03;");
        warnings.setMaxWidth(Double.MAX_VALUE);
        warnings.textProperty().bind(viewModel.warningsProperty());
        warnings.visibleProperty().bind(viewModel.warningsProperty().isNotEmpty());
        warnings.managedProperty().bind(warnings.visibleProperty());

        setTop(new VBox(
                menus(viewModel), warnings, resumeOffer(viewModel.rescue().run())));
        setCenter(new StackPane(split, openScroll));
        setBottom(exportStatus(viewModel.rescue().export()));
    }

    /** The offer to resume a run that never reached its end, shown when its project opens. */
    private static HBox resumeOffer(RunViewModel run) {
        var text = new Label();
        text.setId("resume-offer-text");
        text.setWrapText(true);
        text.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> run.resumeOfferProperty()
                                .get()
                                .map(row -> "The run started " + row.when() + " did not reach its end ("
                                        + row.outcome() + "). Resume it: the nodes without a successful result"
                                        + " run again, in plan order.")
                                .orElse(""),
                        run.resumeOfferProperty()));
        var accept = new Button("Resume the run");
        accept.setId("accept-resume-offer");
        accept.setOnAction(e -> run.acceptResumeOffer());
        var dismiss = new Button("Not now");
        dismiss.setId("dismiss-resume-offer");
        dismiss.setOnAction(e -> run.dismissResumeOffer());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        var box = new HBox(8, text, accept, dismiss);
        box.setId("resume-offer");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 10, 4, 10));
        box.setStyle("-fx-background-color: #cfe2ff; -fx-text-fill: #052c65;");
        text.setStyle("-fx-text-fill: #052c65;");
        box.visibleProperty()
                .bind(run.resumeOfferProperty().map(Optional::isPresent).orElse(false));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * Closes the window through {@code close}, asking first while a run is under way or waiting for its start time:
     * leaving would orphan dbt (a local dbt outlives the app). Stopping waits for dbt to stop, so that the journal
     * records where the run ended and it can be resumed.
     */
    public void requestClose(Runnable close) {
        RunViewModel run = viewModel.rescue().run();
        if (!run.runningProperty().get() && !run.waitingProperty().get()) {
            close.run();
            return;
        }
        var stop = new ButtonType("Stop the run and quit", ButtonBar.ButtonData.OK_DONE);
        var keep = new ButtonType("Keep running", ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                run.waitingProperty().get()
                        ? "A run is waiting for its start time. Quitting cancels it."
                        : "dbt is interrupted now (and killed after 10 s), then dbt-rescue quits. Nodes that finished"
                                + " keep their results; the run can be resumed from its journal on the next start.",
                stop,
                keep);
        alert.setHeaderText("A run is under way");
        alert.initOwner(getScene().getWindow());
        alert.getDialogPane().lookupButton(stop).setId("confirm-quit-during-run");
        alert.getDialogPane().lookupButton(keep).setId("keep-running");
        if (alert.showAndWait().filter(stop::equals).isEmpty()) {
            return;
        }
        if (!run.runningProperty().get()) {
            run.cancel(); // only waiting: nothing to stop
            close.run();
            return;
        }
        run.runningProperty().subscribe(running -> {
            if (!running) {
                close.run();
            }
        });
        run.cancel();
    }

    /** The PNG export's scale, as radio items; 8x of a whole 15k-model project is written in tiles. */
    private static Menu pngResolution(ExportViewModel export) {
        var menu = new Menu("PNG resolution");
        menu.setId("menu-png-resolution");
        var group = new ToggleGroup();
        for (int scale : new int[] {1, 2, 4, 8}) {
            var item =
                    new RadioMenuItem(scale + "× (" + scale + " pixel" + (scale == 1 ? "" : "s") + " per layout unit)");
            item.setId("menu-png-scale-" + scale);
            item.setToggleGroup(group);
            item.setSelected(export.pngScaleProperty().get() == scale);
            item.setOnAction(e -> export.pngScaleProperty().set(scale));
            menu.getItems().add(item);
        }
        export.pngScaleProperty()
                .subscribe(now -> group.getToggles()
                        .forEach(t ->
                                t.setSelected(((RadioMenuItem) t).getId().equals("menu-png-scale-" + now.intValue()))));
        return menu;
    }

    /** What the last export wrote or why it failed, with a spinner while it is written. */
    private static HBox exportStatus(ExportViewModel export) {
        var spinner = Spinners.whileBusy(export.busyProperty());
        spinner.setPrefSize(16, 16);
        spinner.managedProperty().bind(spinner.visibleProperty());
        var text = new Label();
        text.setId("export-status");
        text.setWrapText(true);
        text.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> export.busyProperty().get()
                                ? "Writing the export…"
                                : export.errorProperty().get().isEmpty()
                                        ? export.messageProperty().get()
                                        : "Export failed: "
                                                + export.errorProperty().get(),
                        export.busyProperty(),
                        export.messageProperty(),
                        export.errorProperty()));
        text.styleProperty()
                .bind(Bindings.when(export.errorProperty().isEmpty()).then("").otherwise("-fx-text-fill: #b3261e;"));
        var box = new HBox(6, spinner, text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(2, 10, 2, 10));
        box.visibleProperty().bind(text.textProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The split panes whose dividers are remembered: {@code workspace} (left, middle, right) and {@code middle}. */
    public Map<String, SplitPane> splitPanes() {
        return splits;
    }

    /** The View menu's dark theme check mark. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme.selectedProperty();
    }

    /** The lineage screen, for tests and exports. */
    public LineageView lineage() {
        return lineage;
    }

    private MenuBar menus(MainViewModel viewModel) {
        var openFolder = new MenuItem("Open project folder…");
        openFolder.setId("menu-open-folder");
        openFolder.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openFolder.setOnAction(e -> {
            var chooser = new DirectoryChooser();
            chooser.setTitle("Open a dbt project folder");
            File folder = chooser.showDialog(getScene().getWindow());
            if (folder != null) {
                viewModel.showOpenPanel();
                viewModel
                        .open()
                        .openFolder(
                                folder.toPath(),
                                viewModel.open().stateFolderProperty().get());
            }
        });
        var openFiles = new MenuItem("Open artifact files…");
        openFiles.setId("menu-open-files");
        openFiles.setOnAction(e -> {
            var chooser = new FileChooser();
            chooser.setTitle("Open manifest.json, run_results.json and sources.json");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("dbt artifacts", "*.json"));
            List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
            if (files != null && !files.isEmpty()) {
                viewModel.showOpenPanel();
                viewModel
                        .open()
                        .openFiles(
                                files.stream().map(File::toPath).toList(),
                                viewModel.open().stateFolderProperty().get());
            }
        });
        var openPanel = new MenuItem("Open from SSH, recent projects, demo…");
        openPanel.setId("menu-open-panel");
        openPanel.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        openPanel.setOnAction(e -> viewModel.showOpenPanel());
        var exports = new Menu("Export incident");
        exports.setId("menu-export");
        for (ExportViewModel.Kind kind : ExportViewModel.Kind.values()) {
            var item = new MenuItem(
                    switch (kind) {
                        case SVG -> "Lineage as SVG…";
                        case PNG -> "Lineage as PNG…";
                        case MARKDOWN -> "Triage report as Markdown…";
                        case HTML -> "Triage report as HTML…";
                    });
            item.setId("menu-export-" + kind.extension());
            if (kind == ExportViewModel.Kind.SVG) {
                item.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
            } else if (kind == ExportViewModel.Kind.MARKDOWN) {
                item.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+E"));
            }
            item.disableProperty().bind(viewModel.sessionProperty().isNull());
            item.setOnAction(e -> {
                var chooser = new FileChooser();
                chooser.setTitle("Export the incident (the selection, or the failures and their downstream)");
                chooser.setInitialFileName("incident." + kind.extension());
                File file = chooser.showSaveDialog(getScene().getWindow());
                if (file != null) {
                    viewModel.rescue().export().export(kind, file.toPath());
                }
            });
            exports.getItems().add(item);
        }
        exports.getItems()
                .addAll(
                        new SeparatorMenuItem(),
                        pngResolution(viewModel.rescue().export()));
        var demo = new MenuItem("Open the demo project");
        demo.setId("menu-open-demo");
        demo.setOnAction(e -> {
            viewModel.showOpenPanel();
            viewModel.open().openDemo();
        });
        var quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> requestClose(Platform::exit));
        var file = new Menu("File", null, openFolder, openFiles, openPanel, demo, exports, quit);

        var fit = new MenuItem("Fit to window");
        fit.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        fit.setOnAction(e -> lineage.canvas().fit());
        var whole = new MenuItem("Show whole project");
        whole.setOnAction(e -> viewModel.lineage().showWholeProject());
        var failures = new MenuItem("Show failures' neighbourhood");
        failures.setOnAction(e -> viewModel.lineage().showFailureNeighbourhood());
        var find = new MenuItem("Find node…");
        find.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        find.setOnAction(e -> lineage.focusSearch());
        var view = new Menu("View", null, find, fit, whole, failures);
        var edit = selectionMenu(viewModel.selection());
        darkTheme.setId("menu-dark-theme");
        darkTheme.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        view.getItems().addAll(new SeparatorMenuItem(), darkTheme);
        var showPlan = new MenuItem("Plan");
        showPlan.setAccelerator(KeyCombination.keyCombination("Shortcut+P"));
        showPlan.setOnAction(e -> tabs.getSelectionModel().select(0));
        var runPlan = new MenuItem("Run the plan");
        runPlan.setId("menu-run-plan");
        runPlan.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        runPlan.disableProperty()
                .bind(viewModel
                        .rescue()
                        .run()
                        .planReadyProperty()
                        .not()
                        .or(viewModel.rescue().run().runningProperty()));
        runPlan.setOnAction(e -> viewModel.rescue().run().start());
        var showRun = new MenuItem("Run panel");
        showRun.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+R"));
        showRun.setOnAction(e -> tabs.getSelectionModel().select(1));
        var rescueMenu = new Menu("Rescue", null, showPlan, runPlan, showRun);
        return new MenuBar(file, edit, view, rescueMenu);
    }

    /** Undo and redo of selection changes, the presets and the clipboard, each with a shortcut. */
    private static Menu selectionMenu(SelectionViewModel selection) {
        var undo = new MenuItem("Undo selection change");
        undo.setId("menu-undo-selection");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.disableProperty().bind(selection.canUndoProperty().not());
        undo.setOnAction(e -> selection.undo());
        var redo = new MenuItem("Redo selection change");
        redo.setId("menu-redo-selection");
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+Z"));
        redo.disableProperty().bind(selection.canRedoProperty().not());
        redo.setOnAction(e -> selection.redo());
        var edit = new Menu("Select", null, undo, redo, new SeparatorMenuItem());
        edit.setId("menu-select");
        int key = 1;
        for (Preset preset : Preset.values()) {
            var item = new MenuItem(preset.label());
            item.setId("menu-preset-" + preset.name().toLowerCase(Locale.ROOT));
            item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + key++));
            item.disableProperty()
                    .bind(selection.presetAvailableProperty(preset).not());
            item.setOnAction(e -> selection.applyPreset(preset));
            edit.getItems().add(item);
        }
        var copy = new MenuItem("Copy selection as dbt arguments");
        copy.setId("menu-copy-selector");
        copy.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
        copy.disableProperty().bind(selection.argumentsProperty().isEmpty());
        copy.setOnAction(e -> {
            var content = new ClipboardContent();
            content.putString(selection.argumentsProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        var clear = new MenuItem("Clear selection");
        clear.setId("menu-clear-selection");
        clear.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+X"));
        clear.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> selection.selectionProperty().get().isEmpty(), selection.selectionProperty()));
        clear.setOnAction(e -> selection.clear());
        edit.getItems().addAll(new SeparatorMenuItem(), copy, clear);
        return edit;
    }
}
