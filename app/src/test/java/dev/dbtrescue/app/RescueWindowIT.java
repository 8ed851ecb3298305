// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.lineage.canvas.LineageCanvas;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.report.ExportViewModel;
import dev.dbtrescue.app.run.RunViewModel;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.RealDbt;
import dev.dbtrescue.graph.status.NodeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The analyst's loop in the real window, headless, with the real pinned dbt on a copy of the demo project: a build
 * with the break switch on fails; the window plans "Failed + downstream" in batches, runs them locally without the
 * switch, and the failed model turns green on the lineage while the skipped nodes run. Cancel and resume go through
 * the run panel and its history.
 */
@ExtendWith(ApplicationExtension.class)
class RescueWindowIT {

    private static final NodeId FAILED_MODEL = NodeId.of("model.rescue_shop.int_payments_converted");
    private static final NodeId SKIPPED_MODEL = NodeId.of("model.rescue_shop.fct_payments");

    @TempDir
    Path home;

    private AppContext context;

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppFolders.under(home), Platform::runLater);
        stage.setScene(
                new Scene(new MainView(context.main(), context.executors().raster()), 1600, 1000));
        stage.show();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void theFailedRunIsPlannedInBatchesRunLocallyAndTheFailureTurnsGreenLive(FxRobot robot) throws Exception {
        RealDbt dbt = brokenDemo();
        ProjectSession opened = RescueWindow.open(context, robot, dbt.project());
        assertEquals(NodeState.ERROR, opened.project().status().stateOf(FAILED_MODEL));
        assertEquals(NodeState.SKIPPED, opened.project().status().stateOf(SKIPPED_MODEL));

        RescueWindow.planFailedInBatches(context, robot, 4);
        int failedIndex = opened.project().graph().indexOf(FAILED_MODEL);
        Set<NodeStatus> seenLive = RescueWindow.watchLive(context, robot, failedIndex);
        robot.clickOn("#run-tab");
        robot.clickOn("#run-dbt").write(RealDbt.install().toString());
        robot.clickOn("#run-plan");
        RescueWindow.awaitRunSucceeded(context, robot);
        RescueWindow.assertRepairedLive(context, robot, opened, seenLive, FAILED_MODEL, SKIPPED_MODEL);
        assertTrue(
                robot.lookup("#run-log").queryListView().getItems().stream()
                        .anyMatch(row -> row.toString().contains("== Batch 2")),
                "the log shows the second batch");

        robot.clickOn("#search-field").write("int_payments_converted").type(KeyCode.ENTER);
        RescueWindow.waitLong(
                context, () -> RescueWindow.text(robot, "#detail-run-log").contains("int_payments_converted"));
        assertTrue(
                RescueWindow.text(robot, "#detail-run-log").lines().count() >= 2,
                "started and finished: " + RescueWindow.text(robot, "#detail-run-log"));

        ListView<?> history = robot.lookup("#run-history").queryListView();
        RescueWindow.waitLong(context, () -> history.getItems().size() == 1);
        assertTrue(
                history.getItems().getFirst().toString().contains("finished"),
                history.getItems().toString());
        LineageCanvas canvas = robot.lookup(n -> n instanceof LineageCanvas).query();
        Screenshots.leftAligned(
                robot,
                canvas,
                context.main().lineage().layoutProperty().get().projection().itemOf(failedIndex));
        Screenshots.write(canvas.getScene(), "run");

        Path report = home.resolve("export/incident.md");
        assertTrue(WaitForAsyncUtils.asyncFx(
                        () -> context.main().rescue().export().export(ExportViewModel.Kind.MARKDOWN, report))
                .get()
                .get(60, TimeUnit.SECONDS));
        String markdown = Files.readString(report);
        assertTrue(markdown.contains("dbt build --select"), markdown);
        assertTrue(markdown.contains("| `" + FAILED_MODEL.value() + "`"), "the incident is still told: " + markdown);
        assertTrue(markdown.contains("None: every failed node passed on rerun."), markdown);
        // nothing fails any more, so the picture shows what the analyst selects: the repaired model and below
        robot.clickOn("#select-field").write("int_payments_converted+").type(KeyCode.ENTER);
        RescueWindow.waitLong(
                context,
                () -> context.main()
                        .selection()
                        .selectionProperty()
                        .get()
                        .contains(opened.project().graph().indexOf(FAILED_MODEL)));
        Path svg = home.resolve("export/incident.svg");
        assertTrue(
                WaitForAsyncUtils.asyncFx(() -> context.main().rescue().export().export(ExportViewModel.Kind.SVG, svg))
                        .get()
                        .get(60, TimeUnit.SECONDS));
        assertTrue(
                Files.readString(svg).contains("data-unique-id=\"" + FAILED_MODEL + "\" data-status=\"success\""),
                "the repaired model is drawn as a success");
    }

    @Test
    void aCancelledRunStopsDbtAndResumesFromItsJournal(FxRobot robot) throws Exception {
        RealDbt dbt = brokenDemo();
        ProjectSession opened = RescueWindow.open(context, robot, dbt.project());
        RescueWindow.planFailedInBatches(context, robot, 2);
        int batches = robot.lookup("#plan-batches").queryListView().getItems().size();
        assertTrue(batches >= 3, "batches: " + batches);

        robot.clickOn("#run-tab");
        robot.clickOn("#run-dbt").write(RealDbt.install().toString());
        robot.clickOn("#run-plan");
        RescueWindow.waitLong(
                context,
                () -> context.main().rescue().run().liveProperty().get().containsValue(NodeStatus.RUNNING)
                        || context.main().rescue().run().liveProperty().get().containsValue(NodeStatus.SUCCESS));
        robot.clickOn("#cancel-run");
        robot.clickOn("#confirm-cancel-run");
        RescueWindow.waitLong(
                context,
                () -> !context.main().rescue().run().runningProperty().get()
                        && !RescueWindow.text(robot, "#run-summary").isEmpty());
        assertTrue(
                RescueWindow.text(robot, "#run-summary").startsWith("Run cancelled"),
                RescueWindow.text(robot, "#run-summary"));

        ListView<?> history = robot.lookup("#run-history").queryListView();
        RescueWindow.waitLong(context, () -> history.getItems().size() == 1);
        assertTrue(
                ((RunViewModel.HistoryRow) history.getItems().getFirst()).resumable(),
                history.getItems().toString());
        robot.interact(() -> history.getSelectionModel().selectFirst());
        robot.clickOn("#resume-run");
        RescueWindow.waitLong(
                context,
                () -> context.main().rescue().run().runningProperty().get()
                        || RescueWindow.text(robot, "#run-summary").startsWith("Run succeeded"));
        RescueWindow.waitLong(
                context,
                () -> !context.main().rescue().run().runningProperty().get()
                        && RescueWindow.text(robot, "#run-summary").startsWith("Run"));
        assertTrue(
                RescueWindow.text(robot, "#run-summary").startsWith("Run succeeded"),
                RescueWindow.text(robot, "#run-summary"));
        RescueWindow.waitLong(
                context,
                () -> context.main().sessionProperty().get().project().status().stateOf(SKIPPED_MODEL)
                        == NodeState.SUCCESS);
        assertEquals(
                opened.project().graph().size(),
                context.main().sessionProperty().get().project().graph().size());
    }

    private RealDbt brokenDemo() throws Exception {
        RealDbt dbt = RealDbt.demoCopy(home.resolve("work"));
        assertEquals(0, dbt.run("run-operation", "load_raw_data").exitCode());
        RealDbt.Outcome broken =
                dbt.run("build", "--exclude", "resource_type:unit_test", "--vars", "{demo_break_model: true}");
        assertEquals(1, broken.exitCode(), broken.output());
        return dbt;
    }
}
