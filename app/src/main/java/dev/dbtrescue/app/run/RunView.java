// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.run;

import dev.dbtrescue.app.common.HostKeyDialog;
import dev.dbtrescue.app.common.HostKeyQuestions;
import dev.dbtrescue.app.run.RunViewModel.HistoryRow;
import dev.dbtrescue.app.run.RunViewModel.LogRow;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.jspecify.annotations.Nullable;

/** The run panel: where and how to run, progress, the live log, the summary and the project's run history. */
public final class RunView extends VBox {

    /** The height of one log line. */
    static final double LOG_ROW_HEIGHT = 22;

    private final RunViewModel viewModel;
    private final ListView<LogRow> logList;

    public RunView(RunViewModel viewModel) {
        this.viewModel = viewModel;
        setSpacing(6);
        setPadding(new Insets(8));
        getStyleClass().add("run-panel");

        var host = new ComboBox<>(viewModel.getHostChoices());
        host.setId("run-host");
        host.setEditable(true);
        host.setPrefWidth(220);
        host.setPromptText("local, or an ssh host (alias or user@host[:port])");
        host.setTooltip(new Tooltip("local, a saved host, a Host of ~/.ssh/config, or user@host[:port]"));
        host.getEditor().textProperty().bindBidirectional(viewModel.hostProperty());
        host.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.chooseHost(now);
            }
        });
        host.setOnShowing(e -> viewModel.refreshHostChoices());
        var forget = new Button("Forget host");
        forget.setId("run-forget-host");
        forget.setTooltip(new Tooltip("Remove this host from the saved hosts"));
        forget.visibleProperty().bind(viewModel.hostSavedProperty());
        forget.managedProperty().bind(forget.visibleProperty());
        forget.setOnAction(e -> viewModel.forgetHost());
        var remoteDir = field("run-remote-dir", "project folder on the host", 16);
        remoteDir.textProperty().bindBidirectional(viewModel.remoteDirProperty());
        remoteDir.disableProperty().bind(viewModel.remoteProperty().not());
        var dbt = field("run-dbt", "project .venv, then PATH", 14);
        dbt.textProperty().bindBidirectional(viewModel.dbtExecutableProperty());
        var policy = new ChoiceBox<>(FXCollections.observableArrayList("stop", "continue"));
        policy.setId("run-policy");
        policy.setTooltip(new Tooltip("After a failed batch: stop, or continue with what does not depend on it"));
        policy.valueProperty().bindBidirectional(viewModel.policyProperty());
        var retry = new CheckBox("Retry once");
        retry.setId("run-retry");
        retry.selectedProperty().bindBidirectional(viewModel.retryProperty());
        var startAt = field("run-start-at", "HH:MM", 5);
        startAt.setTooltip(new Tooltip("Start at this time (a quiet window); empty to start now"));
        startAt.textProperty().bindBidirectional(viewModel.startAtProperty());
        var run = new Button("Run plan");
        run.setId("run-plan");
        run.setDefaultButton(false);
        run.disableProperty()
                .bind(viewModel
                        .runningProperty()
                        .or(viewModel.waitingProperty())
                        .or(viewModel.planReadyProperty().not()));
        run.setOnAction(e -> viewModel.start());
        var cancel = new Button("Cancel");
        cancel.setId("cancel-run");
        cancel.disableProperty()
                .bind(viewModel
                        .runningProperty()
                        .not()
                        .and(viewModel.waitingProperty().not()));
        cancel.setOnAction(e -> confirmCancel());
        var settings = new FlowPane(
                10,
                6,
                labelled("Host", host, forget),
                labelled("Remote folder", remoteDir),
                labelled("dbt", dbt),
                labelled("On failure", policy),
                retry,
                labelled("Start at", startAt),
                run,
                cancel);

        var countdown = new Label();
        countdown.setId("run-countdown");
        countdown.textProperty().bind(viewModel.countdownProperty());
        countdown.visibleProperty().bind(viewModel.waitingProperty());
        countdown.managedProperty().bind(countdown.visibleProperty());
        var bar = new ProgressBar();
        bar.setId("run-progress");
        bar.setPrefWidth(240);
        bar.progressProperty().bind(viewModel.progressProperty());
        var progressText = new Label();
        progressText.setId("run-progress-text");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        var progressRow = new HBox(8, bar, progressText, countdown);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        var error = new Label();
        error.setId("run-error");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        var summary = new Label();
        summary.setId("run-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        var remaining = new TextField();
        remaining.setId("run-remaining");
        remaining.setEditable(false);
        remaining.textProperty().bind(viewModel.remainingProperty());
        HBox.setHgrow(remaining, Priority.ALWAYS);
        var selectRemaining = new Button("Select these");
        selectRemaining.setId("select-remaining");
        selectRemaining.setOnAction(e -> viewModel.selectRemaining());
        var remainingRow = new HBox(6, new Label("Next:"), remaining, selectRemaining);
        remainingRow.setAlignment(Pos.CENTER_LEFT);
        remainingRow.visibleProperty().bind(viewModel.remainingProperty().isNotEmpty());
        remainingRow.managedProperty().bind(remainingRow.visibleProperty());

        var level = new ChoiceBox<>(FXCollections.observableArrayList(RunViewModel.LEVELS));
        level.setId("log-level");
        level.valueProperty().bindBidirectional(viewModel.levelFilterProperty());
        var node = field("log-node", "node", 12);
        node.textProperty().bindBidirectional(viewModel.nodeFilterProperty());
        var search = field("log-search", "search the log", 14);
        search.textProperty().bindBidirectional(viewModel.searchTextProperty());
        var follow = new CheckBox("Follow");
        follow.setId("log-follow");
        follow.selectedProperty().bindBidirectional(viewModel.followProperty());
        var logLabel = new Label("Log");
        logLabel.setMinWidth(Region.USE_PREF_SIZE);
        var filters = new HBox(8, logLabel, level, node, search, follow);
        filters.setAlignment(Pos.CENTER_LEFT);

        logList = new ListView<>(viewModel.getLog());
        logList.setId("run-log");
        logList.setPlaceholder(new Label("dbt's output appears here while a plan runs"));
        var palette = new LogPalette();
        logList.setCellFactory(list -> new LogCell(palette));
        // The theme's text colour, as CSS gives it to a plain label: the log's colours follow a theme switch.
        logLabel.textFillProperty().subscribe(fill -> {
            if (palette.follow(fill)) {
                logList.refresh();
            }
        });
        logList.setFixedCellSize(LOG_ROW_HEIGHT); // lines never wrap: no cell is measured as lines arrive
        viewModel.getLog().addListener((ListChangeListener<LogRow>) c -> {
            if (viewModel.followProperty().get() && !viewModel.getLog().isEmpty()) {
                logList.scrollTo(viewModel.getLog().size() - 1);
            }
        });

        var history = new ListView<>(viewModel.getHistory());
        history.setId("run-history");
        history.setPlaceholder(new Label("No runs of this project yet"));
        var resume = new Button("Resume");
        resume.setId("resume-run");
        resume.disableProperty()
                .bind(Bindings.createBooleanBinding(
                                () -> {
                                    HistoryRow row = history.getSelectionModel().getSelectedItem();
                                    return row == null || !row.resumable();
                                },
                                history.getSelectionModel().selectedItemProperty())
                        .or(viewModel.runningProperty()));
        resume.setOnAction(e -> {
            HistoryRow row = history.getSelectionModel().getSelectedItem();
            if (row != null) {
                viewModel.resume(row);
            }
        });
        var historyBox = new VBox(6, new Label("Runs of this project"), history, resume);
        VBox.setVgrow(history, Priority.ALWAYS);
        var logBox = new VBox(6, filters, logList);
        VBox.setVgrow(logList, Priority.ALWAYS);
        var split = new SplitPane(logBox, historyBox);
        split.setDividerPositions(0.75);
        VBox.setVgrow(split, Priority.ALWAYS);

        viewModel.hostKeyQuestionProperty().subscribe(question -> question.ifPresent(this::ask));

        getChildren().addAll(settings, progressRow, error, summary, remainingRow, split);
    }

    /** The log list, for tests. */
    ListView<LogRow> logList() {
        return logList;
    }

    private void confirmCancel() {
        if (viewModel.waitingProperty().get()) {
            viewModel.cancel();
            return;
        }
        var stop = new ButtonType("Stop dbt", ButtonBar.ButtonData.OK_DONE);
        var keep = new ButtonType("Keep running", ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                "dbt is interrupted now (and killed after 10 s). Nodes that finished keep their results; the run can"
                        + " be resumed from its journal.",
                stop,
                keep);
        alert.setHeaderText("Stop the run?");
        alert.initOwner(getScene().getWindow());
        alert.getDialogPane().lookupButton(stop).setId("confirm-cancel-run");
        alert.showAndWait().filter(stop::equals).ifPresent(b -> viewModel.cancel());
    }

    private void ask(HostKeyQuestions.Question question) {
        viewModel.answerHostKey(
                HostKeyDialog.trust(getScene() == null ? null : getScene().getWindow(), question));
    }

    private static TextField field(String id, String prompt, int columns) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        return field;
    }

    private static HBox labelled(String text, Node... controls) {
        var box = new HBox(4, new Label(text));
        box.getChildren().addAll(controls);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * The log's text colours for the theme: the theme's own text colour for info lines, and an error and a warning
     * colour that read on its background (dark red and brown on a light theme, light red and amber on a dark one).
     */
    private static final class LogPalette {
        private static final Color LIGHT_ERROR = Color.web("#b00020");
        private static final Color LIGHT_WARN = Color.web("#8a5a00");
        private static final Color DARK_ERROR = Color.web("#ff7b72");
        private static final Color DARK_WARN = Color.web("#e3b341");

        private Paint info = Color.BLACK;
        private Color error = LIGHT_ERROR;
        private Color warn = LIGHT_WARN;

        /** Takes the theme's text colour; true when the colours changed. */
        boolean follow(@Nullable Paint text) {
            if (text == null || text.equals(info)) {
                return false;
            }
            info = text;
            boolean dark = text instanceof Color c && c.getBrightness() > 0.5;
            error = dark ? DARK_ERROR : LIGHT_ERROR;
            warn = dark ? DARK_WARN : LIGHT_WARN;
            return true;
        }

        Paint of(String level) {
            return switch (level) {
                case "error" -> error;
                case "warn" -> warn;
                default -> info;
            };
        }
    }

    /**
     * A log line, coloured by level. The colour is set directly, not through style classes: a live run updates cells
     * many times a second, and every style class change would make JavaFX apply CSS to the cell again.
     */
    private static final class LogCell extends ListCell<LogRow> {
        private final LogPalette palette;

        LogCell(LogPalette palette) {
            this.palette = palette;
        }

        @Override
        protected void updateItem(LogRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.toString());
            setTextFill(palette.of(item.level()));
        }
    }
}
