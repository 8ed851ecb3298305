// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.plan.RescuePresets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
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

/** Selection changes from the keyboard: a preset by its shortcut, clear, undo and redo, on the real window. */
@ExtendWith(ApplicationExtension.class)
class SelectionUndoWindowTest {

    @TempDir
    Path home;

    private AppContext context;

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppFolders.under(home), Platform::runLater);
        stage.setScene(
                new Scene(new MainView(context.main(), context.executors().raster()), 1400, 900));
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

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
