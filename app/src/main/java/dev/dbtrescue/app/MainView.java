// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.detail.DetailView;
import dev.dbtrescue.app.lineage.LineageView;
import dev.dbtrescue.app.lineage.SelectionView;
import dev.dbtrescue.app.plan.PlanView;
import dev.dbtrescue.app.project.OpenProjectView;
import dev.dbtrescue.app.report.ExportViewModel;
import dev.dbtrescue.app.run.RunView;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** The window: menus, the selection panel, the lineage and the detail pane; the open-project panel on top. */
public final class MainView extends BorderPane {

    private final LineageView lineage;
    private final TabPane tabs;
    private final Map<String, SplitPane> splits;
    private final CheckMenuItem darkTheme = new CheckMenuItem("Dark theme");

    public MainView(MainViewModel viewModel, Executor rasterExecutor) {
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

        var warnings = new javafx.scene.control.Label();
        warnings.setId("load-warnings");
        warnings.setWrapText(true);
        warnings.setPadding(new Insets(4, 10, 4, 10));
        warnings.setStyle("-fx-background-color: #fff3cd; -fx-text-fill: #664d03;");
        warnings.setMaxWidth(Double.MAX_VALUE);
        warnings.textProperty().bind(viewModel.warningsProperty());
        warnings.visibleProperty().bind(viewModel.warningsProperty().isNotEmpty());
        warnings.managedProperty().bind(warnings.visibleProperty());

        setTop(new VBox(menus(viewModel), warnings));
        setCenter(new StackPane(split, openScroll));
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
        var demo = new MenuItem("Open the demo project");
        demo.setId("menu-open-demo");
        demo.setOnAction(e -> {
            viewModel.showOpenPanel();
            viewModel.open().openDemo();
        });
        var quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
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
        return new MenuBar(file, view, rescueMenu);
    }
}
