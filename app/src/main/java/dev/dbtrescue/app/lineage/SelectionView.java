// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The "what to rebuild" panel: presets with counts, the selector fields, and the selection as dbt arguments. */
public final class SelectionView extends VBox {

    /** The pause after the last keystroke before the selector is evaluated. */
    static final Duration DEBOUNCE = Duration.millis(60);

    public SelectionView(SelectionViewModel viewModel) {
        setSpacing(8);
        setPadding(new Insets(10));
        setMinWidth(260);
        setPrefWidth(320);
        getStyleClass().add("selection-panel");

        var heading = new Label("Select what to rebuild");
        heading.getStyleClass().add("heading");
        var presets = new VBox(
                4,
                preset(viewModel, Preset.FAILED, "preset-failed"),
                preset(viewModel, Preset.MODIFIED, "preset-modified"),
                preset(viewModel, Preset.STALE, "preset-stale"));

        var select = new TextField();
        select.setId("select-field");
        select.setPromptText("--select, e.g. stg_orders+ tag:finance");
        select.textProperty().bindBidirectional(viewModel.selectTextProperty());
        var exclude = new TextField();
        exclude.setId("exclude-field");
        exclude.setPromptText("--exclude");
        exclude.textProperty().bindBidirectional(viewModel.excludeTextProperty());
        var debounce = new PauseTransition(DEBOUNCE);
        debounce.setOnFinished(e -> viewModel.previewSelector());
        select.setOnKeyTyped(e -> debounce.playFromStart());
        exclude.setOnKeyTyped(e -> debounce.playFromStart());
        select.setOnAction(e -> {
            debounce.stop();
            viewModel.previewSelector();
        });
        exclude.setOnAction(e -> {
            debounce.stop();
            viewModel.previewSelector();
        });

        var count = new Label();
        count.setId("match-count");
        count.textProperty().bind(viewModel.matchCountProperty());
        var error = new Label();
        error.setId("selector-error");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(viewModel.selectorErrorProperty());
        error.visibleProperty().bind(viewModel.selectorErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        var warning = new Label();
        warning.setId("selection-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add("warning-text");
        warning.textProperty().bind(viewModel.warningProperty());
        warning.visibleProperty().bind(viewModel.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        var summary = new Label();
        summary.setId("selection-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        var arguments = new TextField();
        arguments.setId("selection-arguments");
        arguments.setEditable(false);
        arguments.textProperty().bind(viewModel.argumentsProperty());
        var copy = new Button("Copy");
        copy.setId("copy-selector");
        copy.setTooltip(new Tooltip("Copy the selection as dbt arguments"));
        copy.disableProperty().bind(viewModel.argumentsProperty().isEmpty());
        copy.setOnAction(e -> {
            var content = new ClipboardContent();
            content.putString(viewModel.argumentsProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox.setHgrow(arguments, Priority.ALWAYS);
        var clear = new Button("Clear");
        clear.setId("clear-selection");
        clear.setOnAction(e -> viewModel.clear());

        var list = new ListView<>(viewModel.getRows());
        list.setId("selection-list");
        list.setPlaceholder(new Label("Shift-click nodes, lasso with shift-drag, or use a preset"));
        VBox.setVgrow(list, Priority.ALWAYS);

        getChildren()
                .addAll(
                        heading,
                        presets,
                        new Label("Selector"),
                        select,
                        exclude,
                        count,
                        error,
                        warning,
                        summary,
                        new HBox(6, arguments, copy, clear),
                        list);
    }

    private static Button preset(SelectionViewModel viewModel, Preset preset, String id) {
        var button = new Button();
        button.setId(id);
        button.setMaxWidth(Double.MAX_VALUE);
        button.textProperty().bind(viewModel.presetLabelProperty(preset));
        button.disableProperty().bind(viewModel.presetAvailableProperty(preset).not());
        button.setOnAction(e -> viewModel.applyPreset(preset));
        return button;
    }
}
