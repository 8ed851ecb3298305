// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.project.ProjectPlace;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.report.ExportViewModel;
import dev.dbtrescue.app.run.RunViewModel;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.plan.RescuePresets;
import dev.dbtrescue.runner.RunStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * The window's own actions, headless, without running dbt: selection changes from the keyboard with undo and redo,
 * the export menu's PNG resolution and status line, the offer to resume a run that never ended when its project
 * opens, and the question before closing while a run waits or runs (the real runs are in RescueWindowIT).
 */
@ExtendWith(ApplicationExtension.class)
class WindowActionsTest {

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
    void aPresetByShortcutThenClearAreUndoneAndRedoneFromTheKeyboard(FxRobot robot) throws Exception {
        robot.clickOn("#open-demo");
        waitFor(() -> context.main().lineage().layoutProperty().get() != null);
        waitFor(() -> !robot.lookup("#preset-failed").queryButton().isDisabled());
        ProjectSession session = context.main().sessionProperty().get();
        BitSet failed = indices(
                session,
                new RescuePresets(session.project(), session.selectors(), session.state())
                        .failed()
                        .nodes());
        robot.clickOn("#selection-list"); // focus outside the text fields, which keep Ctrl+Z for their own text

        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
        waitFor(() -> selected().equals(failed));
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.X);
        waitFor(() -> selected().isEmpty());

        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        waitFor(() -> selected().equals(failed));
        assertFalse(robot.lookup("#selection-list").queryListView().getItems().isEmpty());
        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        waitFor(() -> selected().isEmpty());
        assertFalse(context.main().selection().canUndoProperty().get());
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
        waitFor(() -> selected().equals(failed));
        assertEquals(
                failed.cardinality(),
                robot.lookup("#selection-list").queryListView().getItems().size());
    }

    private BitSet selected() {
        return context.main().selection().selectionProperty().get().nodes();
    }

    private static BitSet indices(ProjectSession session, List<NodeId> ids) {
        BitSet set = new BitSet();
        ids.forEach(id -> set.set(session.project().graph().indexOf(id)));
        return set;
    }

    @Test
    void theChosenResolutionScalesThePngAndTheStatusLineSaysWhereItWent(FxRobot robot) throws Exception {
        robot.clickOn("#open-demo");
        waitFor(() -> context.main().sessionProperty().get() != null);
        ExportViewModel export = context.main().rescue().export();

        Path small = home.resolve("small.png");
        chooseScale(robot, 1);
        assertEquals(1, export.pngScaleProperty().get());
        writePng(robot, export, small);
        Path large = home.resolve("large.png");
        chooseScale(robot, 4);
        assertEquals(4, export.pngScaleProperty().get());
        writePng(robot, export, large);

        BufferedImage one = ImageIO.read(small.toFile());
        BufferedImage four = ImageIO.read(large.toFile());
        assertEquals(4.0, (double) four.getWidth() / one.getWidth(), 0.05);
        String status = robot.lookup("#export-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Wrote the png export") && status.endsWith(large.toString()), status);

        Path blocked = Files.writeString(home.resolve("a-file"), "not a folder");
        robot.interact(() -> export.export(ExportViewModel.Kind.SVG, blocked.resolve("incident.svg")));
        waitFor(() -> robot.lookup("#export-status")
                .queryAs(Label.class)
                .getText()
                .startsWith("Export failed: Could not write " + blocked.resolve("incident.svg")));
    }

    /** Fires the menu item as a click would (Monocle's menu popups cannot be clicked through reliably). */
    private static void chooseScale(FxRobot robot, int scale) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream()
                .flatMap(menu -> items(menu).stream())
                .filter(i -> ("menu-png-scale-" + scale).equals(i.getId()))
                .findFirst()
                .orElseThrow();
        robot.interact(item::fire);
    }

    private static List<MenuItem> items(Menu menu) {
        List<MenuItem> all = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            all.add(item);
            if (item instanceof Menu sub) {
                all.addAll(items(sub));
            }
        }
        return all;
    }

    private static void writePng(FxRobot robot, ExportViewModel export, Path file) throws Exception {
        var written = WaitForAsyncUtils.asyncFx(() -> export.export(ExportViewModel.Kind.PNG, file))
                .get()
                .get(60, TimeUnit.SECONDS);
        assertTrue(written, export.errorProperty().get());
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
