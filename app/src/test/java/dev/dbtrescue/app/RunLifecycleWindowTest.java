// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.project.ProjectPlace;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.run.RunViewModel;
import dev.dbtrescue.runner.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run's life around the window: the offer to resume a run that never ended when its project opens, and the question
 * before closing the window while a run waits or runs. No dbt is started here (the real runs are in RescueWindowIT).
 */
@ExtendWith(ApplicationExtension.class)
class RunLifecycleWindowTest {

    @TempDir
    Path home;

    private AppContext context;
    private MainView view;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        project = Files.createDirectories(home.resolve("shop"));
        Files.writeString(project.resolve("dbt_project.yml"), "name: rescue_shop\n");
        context = AppContext.create(AppFolders.under(home), Platform::runLater);
        view = new MainView(context.main(), context.executors().raster());
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void aRunThatNeverEndedIsOfferedWhenItsProjectOpens(FxRobot robot) throws Exception {
        ProjectSession session = TestSessions.failedBuildAt(ProjectPlace.local(project));
        TestSessions.interruptedRun(
                new RunStore(AppFolders.under(home).data()),
                project,
                TestSessions.failedPlan(session),
                "20261122-031500-rescue_shop-1a2b3c");

        robot.interact(() -> context.main().opened(session));

        waitFor(() -> robot.lookup("#resume-offer").query().isVisible());
        String offer = robot.lookup("#resume-offer-text").queryAs(Label.class).getText();
        assertTrue(offer.contains("interrupted"), offer);
        robot.clickOn("#dismiss-resume-offer");
        waitFor(() -> !robot.lookup("#resume-offer").query().isVisible());
        assertEquals(1, context.main().rescue().run().getHistory().size(), "still in the history");
    }

    @Test
    void closingWhileARunWaitsAsksAndKeepsItUnlessStopped(FxRobot robot) throws Exception {
        robot.interact(() -> context.main().opened(TestSessions.failedBuildAt(ProjectPlace.local(project))));
        waitFor(() -> !robot.lookup("#preset-failed").queryButton().isDisabled());
        robot.clickOn("#preset-failed");
        waitFor(() -> context.main().rescue().plan().planProperty().get() != null);
        robot.clickOn("#run-tab");
        String later = LocalTime.now().plusHours(2).format(DateTimeFormatter.ofPattern("HH:mm"));
        robot.clickOn("#run-start-at").write(later);
        robot.clickOn("#run-plan");
        RunViewModel run = context.main().rescue().run();
        waitFor(() -> run.waitingProperty().get());
        var closes = new AtomicInteger();

        Platform.runLater(() -> view.requestClose(closes::incrementAndGet));
        waitFor(() -> robot.lookup("#keep-running")
                .match(NodeQueryUtils.isVisible())
                .tryQuery()
                .isPresent());
        robot.clickOn(
                robot.lookup("#keep-running").match(NodeQueryUtils.isVisible()).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, closes.get());
        assertTrue(run.waitingProperty().get(), "kept waiting");

        Platform.runLater(() -> view.requestClose(closes::incrementAndGet));
        waitFor(() -> robot.lookup("#confirm-quit-during-run")
                .match(NodeQueryUtils.isVisible())
                .tryQuery()
                .isPresent());
        robot.clickOn(robot.lookup("#confirm-quit-during-run")
                .match(NodeQueryUtils.isVisible())
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, closes.get());
        assertFalse(run.waitingProperty().get(), "the scheduled run was cancelled");
    }

    @Test
    void closingWithNoRunClosesAtOnce(FxRobot robot) {
        var closes = new AtomicInteger();
        robot.interact(() -> view.requestClose(closes::incrementAndGet));
        assertEquals(1, closes.get());
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
