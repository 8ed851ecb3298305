// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import dev.dbtrescue.graph.status.NodeState;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The detail pane of the selected node. Layout and bindings only: no decisions, no services, no threads. */
public final class DetailView extends StackPane {

    private static final double ROW_HEIGHT = 24;
    private static final double MAX_LIST_HEIGHT = 8 * ROW_HEIGHT;

    private final DetailViewModel viewModel;

    public DetailView(DetailViewModel viewModel) {
        this.viewModel = viewModel;
        var placeholder = new Label("Click a node to see its details");
        placeholder.setId("detail-empty");
        placeholder.visibleProperty().bind(viewModel.visibleProperty().not());

        var content = new VBox(
                10,
                header(),
                failure(),
                runLog(),
                fields(),
                section(
                        "Blast radius",
                        viewModel.blastRadiusProperty().isNotEmpty(),
                        text("detail-blast-radius", viewModel.blastRadiusProperty()),
                        links("detail-blast-exposures", viewModel.getBlastExposures())),
                section(
                        "Skipped because of this failure",
                        Bindings.isNotEmpty(viewModel.getSkipped()),
                        links("detail-skipped", viewModel.getSkipped())),
                section(
                        "Tests",
                        viewModel.testsSummaryProperty().isNotEmpty(),
                        text("detail-tests", viewModel.testsSummaryProperty()),
                        links("detail-test-list", viewModel.getTests())),
                section(
                        "Against the state",
                        viewModel.modifiedReasonProperty().isNotEmpty(),
                        text("detail-modified-reason", viewModel.modifiedReasonProperty())),
                section(
                        "Lineage",
                        viewModel.lineageProperty().isNotEmpty(),
                        text("detail-lineage", viewModel.lineageProperty()),
                        links("detail-neighbours", viewModel.getNeighbours())),
                section(
                        "Columns",
                        Bindings.isNotEmpty(viewModel.getColumns()),
                        joined("detail-columns", viewModel.getColumns(), ", ")),
                section(
                        "Meta",
                        Bindings.isNotEmpty(viewModel.getMeta()),
                        joined("detail-meta", viewModel.getMeta(), "\n")),
                sql());
        content.setPadding(new Insets(10));
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.visibleProperty().bind(viewModel.visibleProperty());
        getChildren().setAll(placeholder, scroll);
        getStyleClass().add("detail-pane");
    }

    private Node header() {
        var title = text("detail-title", viewModel.titleProperty());
        title.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        var status = text("detail-status", viewModel.statusTextProperty());
        viewModel.statusProperty().subscribe(state -> {
            status.getStyleClass().removeIf(c -> c.startsWith("status-"));
            status.getStyleClass().add(styleClass(state));
        });
        var copyId = new Button("Copy id");
        copyId.setId("detail-copy-id");
        copyId.setOnAction(event -> {
            var clip = new ClipboardContent();
            clip.putString(viewModel.uniqueIdProperty().get());
            Clipboard.getSystemClipboard().setContent(clip);
        });
        var compiled = new Button("Compiled SQL");
        compiled.setId("detail-load-compiled");
        compiled.setOnAction(event -> viewModel.loadCompiledSql());
        var raw = new Button("Raw SQL");
        raw.setId("detail-load-raw");
        raw.setOnAction(event -> viewModel.loadRawSql());
        for (Button sqlButton : List.of(compiled, raw)) {
            sqlButton
                    .disableProperty()
                    .bind(viewModel.sqlAvailableProperty().not().or(viewModel.sqlLoadingProperty()));
        }
        return new VBox(
                4,
                title,
                text("detail-subtitle", viewModel.subtitleProperty()),
                status,
                new HBox(6, copyId, compiled, raw),
                text("detail-description", viewModel.descriptionProperty()));
    }

    private Node failure() {
        var errorClass = text("detail-error-class", viewModel.errorClassProperty());
        errorClass.setStyle("-fx-font-weight: bold;");
        var message = new TextArea();
        message.setId("detail-message");
        message.setEditable(false);
        message.setWrapText(true);
        message.setPrefRowCount(8);
        message.textProperty().bind(viewModel.messageProperty());
        var messagePane = new TitledPane("Full message", message);
        hideWhenBlank(messagePane, viewModel.messageProperty());
        // the view-model decides what is long; the user may still toggle it, so no binding
        viewModel.messageLongProperty().subscribe(isLong -> messagePane.setExpanded(!isLong));
        return new VBox(
                4,
                errorClass,
                text("detail-advice", viewModel.adviceProperty()),
                text("detail-first-line", viewModel.firstLineProperty()),
                messagePane);
    }

    private Node runLog() {
        var area = new TextArea();
        area.setId("detail-run-log");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(5);
        area.setStyle("-fx-font-family: monospace;");
        area.textProperty().bind(viewModel.runLogProperty());
        // keep the newest line in view while the run adds lines
        area.textProperty().addListener((obs, was, now) -> area.positionCaret(now.length()));
        return section("This run's log", viewModel.runLogProperty().isNotEmpty(), area);
    }

    private Node fields() {
        var grid = new GridPane(8, 2);
        field(grid, 0, "Execution time", "detail-execution-time", viewModel.executionTimeProperty());
        field(grid, 1, "Materialization", "detail-materialization", viewModel.materializationProperty());
        field(grid, 2, "Path", "detail-path", viewModel.pathProperty());
        field(grid, 3, "Tags", "detail-tags", viewModel.tagsProperty());
        field(grid, 4, "Owner", "detail-owner", viewModel.ownerProperty());
        var facts = new GridPane(8, 2);
        facts.setId("detail-facts");
        viewModel.getFacts().addListener((ListChangeListener<DetailRow>) change -> fillFacts(facts));
        fillFacts(facts);
        return new VBox(4, grid, facts);
    }

    private void fillFacts(GridPane facts) {
        facts.getChildren().clear();
        int row = 0;
        for (DetailRow fact : viewModel.getFacts()) {
            var value = new Label(fact.value());
            value.setWrapText(true);
            facts.addRow(row++, new Label(fact.label()), value);
        }
    }

    private Node sql() {
        var area = new TextArea();
        area.setId("detail-sql");
        area.setEditable(false);
        area.setPrefRowCount(16);
        area.setStyle("-fx-font-family: monospace;");
        area.textProperty().bind(viewModel.sqlProperty());
        hideWhenBlank(area, viewModel.sqlProperty());
        return new VBox(4, text("detail-sql-title", viewModel.sqlTitleProperty()), area);
    }

    private static void field(GridPane grid, int row, String key, String id, ObservableStringValue value) {
        var keyLabel = new Label(key);
        var valueLabel = text(id, value);
        hideWhenBlank(keyLabel, value);
        grid.addRow(row, keyLabel, valueLabel);
    }

    private static VBox section(String heading, BooleanBinding shown, Node... content) {
        var title = new Label(heading);
        title.setStyle("-fx-font-weight: bold;");
        var box = new VBox(4, title);
        box.getChildren().addAll(content);
        box.visibleProperty().bind(shown);
        box.managedProperty().bind(shown);
        return box;
    }

    private static Label text(String id, ObservableStringValue value) {
        var label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(value);
        hideWhenBlank(label, value);
        return label;
    }

    private static Label joined(String id, ObservableList<String> lines, String separator) {
        var label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(() -> String.join(separator, lines), lines));
        return label;
    }

    private ListView<LinkedNode> links(String id, ObservableList<LinkedNode> items) {
        var list = new ListView<>(items);
        list.setId(id);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(LinkedNode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                follow(list);
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                follow(list);
            }
        });
        list.prefHeightProperty()
                .bind(Bindings.min(
                        MAX_LIST_HEIGHT,
                        Bindings.size(items).multiply(ROW_HEIGHT).add(4)));
        list.visibleProperty().bind(Bindings.isNotEmpty(items));
        list.managedProperty().bind(list.visibleProperty());
        return list;
    }

    private void follow(ListView<LinkedNode> list) {
        LinkedNode selected = list.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.navigateTo(selected.id());
        }
    }

    private static void hideWhenBlank(Node node, ObservableStringValue value) {
        node.visibleProperty()
                .bind(Bindings.createBooleanBinding(() -> !value.get().isEmpty(), value));
        node.managedProperty().bind(node.visibleProperty());
    }

    /** The status line's colour follows the theme: the stylesheet maps these classes to its looked-up colours. */
    private static String styleClass(NodeState state) {
        return switch (state) {
            case ERROR, FAIL, STALE -> "status-bad";
            case WARN -> "status-warn";
            case SKIPPED -> "status-skipped";
            case SUCCESS, FRESH -> "status-good";
            case NOT_RUN -> "status-not-run";
        };
    }
}
