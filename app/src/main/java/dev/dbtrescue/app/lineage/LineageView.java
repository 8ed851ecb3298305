// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.common.Spinners;
import dev.dbtrescue.app.lineage.canvas.CanvasScene;
import dev.dbtrescue.app.lineage.canvas.LineageCanvas;
import dev.dbtrescue.app.lineage.canvas.Minimap;
import dev.dbtrescue.app.lineage.canvas.NodeLook;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.app.lineage.canvas.StatusGlyphs;
import dev.dbtrescue.graph.NodeType;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/** The lineage screen: toolbar (search, types, grouping, scope), the canvas with minimap and legend. */
public final class LineageView extends BorderPane {

    private final LineageCanvas canvas;
    private @Nullable LineageLayout shown;
    private final TextField search = new TextField();
    private final ListView<FuzzySearch.Hit> searchList;

    public LineageView(LineageViewModel viewModel, Executor rasterExecutor) {
        canvas = new LineageCanvas(rasterExecutor);
        searchList = new ListView<>(viewModel.getSearchResults());
        canvas.setId("lineage-canvas");
        canvas.setOnNodeClicked(viewModel::clicked);
        canvas.setOnLasso(viewModel::lassoed);
        canvas.setOnBackgroundClicked(viewModel::backgroundClicked);
        canvas.setTooltipProvider(viewModel::tooltip);
        // the view-model sets a new layout and then its look, so the look always belongs to the current layout
        viewModel.lookProperty().addListener((obs, was, now) -> {
            LineageLayout layout = viewModel.layoutProperty().get();
            if (layout == null || now == null) {
                shown = null;
                canvas.setScene(CanvasScene.EMPTY, NodeLook.uniform(0, NodeStatus.NOT_RUN));
            } else if (layout != shown) {
                boolean otherProject = shown == null
                        || shown.projection().graph() != layout.projection().graph();
                shown = layout;
                canvas.setScene(layout.scene(), now);
                if (otherProject) {
                    canvas.fit();
                }
            } else {
                canvas.setLook(now);
            }
        });
        viewModel.centerRequestProperty().addListener((obs, was, now) -> {
            if (now != null) {
                canvas.centerOn(now.item());
            }
        });

        setTop(toolbar(viewModel));
        Minimap minimap = canvas.minimap();
        minimap.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(10));
        Region legend = legend();
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(10));
        Region banner = banner(viewModel);
        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        StackPane.setMargin(banner, new Insets(8));
        Region results = searchResults(viewModel);
        StackPane.setAlignment(results, Pos.TOP_LEFT);
        StackPane.setMargin(results, new Insets(4, 0, 0, 8));
        var spinner = Spinners.whileBusy(viewModel.busyProperty());
        spinner.setId("layout-busy");
        spinner.setMaxSize(40, 40);
        var stack = new StackPane(canvas, banner, legend, minimap, results, spinner);
        stack.setMinSize(0, 0);
        setCenter(stack);
        var status = new Label();
        status.setId("lineage-status");
        status.textProperty().bind(viewModel.statusTextProperty());
        status.setPadding(new Insets(2, 8, 2, 8));
        setBottom(status);
    }

    /** Puts the cursor in the search field. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** The canvas, for tests and exports. */
    public LineageCanvas canvas() {
        return canvas;
    }

    private ToolBar toolbar(LineageViewModel viewModel) {
        search.setId("search-field");
        search.setPromptText("Search name, unique_id or path  (Ctrl+F)");
        search.setPrefColumnCount(24);
        search.textProperty().addListener((obs, was, now) -> viewModel.search(now));
        search.setOnAction(e -> {
            if (!viewModel.getSearchResults().isEmpty()) {
                viewModel.focus(viewModel.getSearchResults().get(0).graphIndex());
                search.clear();
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            } else if (e.getCode() == KeyCode.DOWN) {
                searchList.requestFocus();
                searchList.getSelectionModel().selectFirst();
            }
        });

        var types = new MenuButton("Types");
        types.setId("types-menu");
        viewModel.getPresentTypes().addListener((ListChangeListener<NodeType>) change -> {
            types.getItems().clear();
            for (NodeType type : viewModel.getPresentTypes()) {
                var item = new CheckMenuItem(type.dbtName());
                item.setId("type-" + type.dbtName());
                item.selectedProperty().bindBidirectional(viewModel.typeShownProperty(type));
                types.getItems().add(item);
            }
        });
        var testsToggle = new javafx.scene.control.ToggleButton("Tests");
        testsToggle.setId("toggle-tests");
        testsToggle.setTooltip(new Tooltip("Show tests as nodes (hidden, their status is a badge on the tested node)"));
        testsToggle.selectedProperty().bindBidirectional(viewModel.typeShownProperty(NodeType.TEST));

        var grouping = new ChoiceBox<Grouping>();
        grouping.setId("grouping");
        grouping.getItems().setAll(Grouping.values());
        grouping.valueProperty().bindBidirectional(viewModel.groupingProperty());

        var fit = new Button("Fit");
        fit.setId("fit");
        fit.setTooltip(new Tooltip("Show the whole graph (F or 0)"));
        fit.setOnAction(e -> canvas.fit());
        var zoomIn = new Button("+");
        zoomIn.setId("zoom-in");
        zoomIn.setOnAction(e -> canvas.zoomBy(1.25, canvas.getWidth() / 2, canvas.getHeight() / 2));
        var zoomOut = new Button("−");
        zoomOut.setId("zoom-out");
        zoomOut.setOnAction(e -> canvas.zoomBy(0.8, canvas.getWidth() / 2, canvas.getHeight() / 2));
        var upstream = new Button("Expand upstream");
        upstream.setId("expand-upstream");
        upstream.disableProperty()
                .bind(viewModel
                        .focusedProperty()
                        .lessThan(0)
                        .or(viewModel.scopedProperty().not()));
        upstream.setOnAction(
                e -> viewModel.expandUpstream(viewModel.focusedProperty().get()));
        var downstream = new Button("Expand downstream");
        downstream.setId("expand-downstream");
        downstream.disableProperty().bind(upstream.disableProperty());
        downstream.setOnAction(
                e -> viewModel.expandDownstream(viewModel.focusedProperty().get()));
        return new ToolBar(
                search,
                new Separator(),
                testsToggle,
                types,
                grouping,
                new Separator(),
                zoomOut,
                zoomIn,
                fit,
                new Separator(),
                upstream,
                downstream);
    }

    private Region searchResults(LineageViewModel viewModel) {
        var list = searchList;
        list.setId("search-results");
        list.setPrefSize(420, 240);
        list.setMaxSize(420, 240);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(FuzzySearch.Hit hit, boolean empty) {
                super.updateItem(hit, empty);
                setText(empty || hit == null ? null : hit.name() + "   " + hit.detail());
            }
        });
        list.setOnMouseClicked(e -> {
            var hit = list.getSelectionModel().getSelectedItem();
            if (hit != null) {
                viewModel.focus(hit.graphIndex());
                search.clear();
            }
        });
        list.setOnKeyPressed(e -> {
            var hit = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && hit != null) {
                viewModel.focus(hit.graphIndex());
                search.clear();
            }
        });
        list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.getSearchResults()));
        return list;
    }

    private static Region banner(LineageViewModel viewModel) {
        var text = new Label();
        text.textProperty().bind(viewModel.scopeTextProperty());
        text.setWrapText(true);
        var whole = new Button("Show whole project");
        whole.setId("whole-project");
        whole.setOnAction(e -> viewModel.showWholeProject());
        var box = new HBox(10, text, whole);
        box.setId("scope-banner");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 10, 6, 10));
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setStyle("-fx-background-color: rgba(255,248,220,0.95); -fx-background-radius: 6;"
                + " -fx-border-color: #d8c88a; -fx-border-radius: 6;");
        box.visibleProperty().bind(viewModel.scopedProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Region legend() {
        var entries = new FlowPane(10, 4);
        entries.setPrefWrapLength(360);
        for (NodeStatus status : NodeStatus.values()) {
            if (status == NodeStatus.GROUP) {
                continue;
            }
            var label = new Label(status.label(), StatusGlyphs.glyph(status, 12));
            label.setId(
                    "legend-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            entries.getChildren().add(label);
        }
        var selected = new javafx.scene.shape.Rectangle(16, 10, javafx.scene.paint.Color.WHITE);
        selected.setStroke(javafx.scene.paint.Color.rgb(26, 26, 26));
        selected.setStrokeWidth(2);
        var selectedLabel = new Label("selected", selected);
        selectedLabel.setId("legend-selected");
        var notch = new javafx.scene.shape.Polygon(0, 0, 8, 5, 0, 10);
        notch.setFill(javafx.scene.paint.Color.rgb(26, 26, 26));
        var boundaryLabel = new Label("selection starts here (parents not selected)", notch);
        boundaryLabel.setId("legend-boundary");
        var halo = new javafx.scene.shape.Rectangle(16, 10, javafx.scene.paint.Color.rgb(240, 192, 0, 0.55));
        var haloLabel = new Label("search hit", halo);
        var dimmed = new Label("faded: not selected");
        entries.getChildren().addAll(selectedLabel, boundaryLabel, haloLabel, dimmed);
        var box = new VBox(4, new Label("Status (shape and colour)"), entries);
        box.setId("legend");
        box.setPadding(new Insets(6, 10, 6, 10));
        box.setMaxSize(380, Region.USE_PREF_SIZE);
        box.setStyle("-fx-background-color: rgba(255,255,255,0.92); -fx-background-radius: 6;"
                + " -fx-border-color: #cccccc; -fx-border-radius: 6;");
        box.setMouseTransparent(true);
        // drawn once into a bitmap: it lies over the canvas, so every repaint of the canvas (each step of a live run)
        // would otherwise draw its text, glyphs and rounded border again
        box.setCache(true);
        return box;
    }
}
