// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The open pane, headless: the demo opens in one click, and a bad path is explained in the window. */
@ExtendWith(ApplicationExtension.class)
class OpenProjectViewTest {

    @TempDir
    static Path home;

    private final List<ProjectSession> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        var viewModel = new OpenProjectViewModel(
                TestProjects.loader(home),
                new RecentProjects(home.resolve("recent.json")),
                Runnable::run,
                Runnable::run,
                opened::add);
        stage.setScene(new Scene(new OpenProjectView(viewModel), 900, 900));
        stage.show();
    }

    @Test
    void theDemoOpensInOneClickWithProductionState(FxRobot robot) {
        robot.clickOn("#open-demo");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, opened.size());
        assertEquals(
                "rescue_shop",
                opened.getFirst().project().artifacts().manifest().projectName());
        assertTrue(opened.getFirst().hasStateManifest());
    }

    @Test
    void aBadPathIsExplainedInTheWindow(FxRobot robot) {
        Path nowhere = home.resolve("no-such-project");

        robot.clickOn("#project-path").write(nowhere.toString());
        robot.clickOn("#open-path");
        WaitForAsyncUtils.waitForFxEvents();

        TextArea error = robot.lookup("#load-error").queryAs(TextArea.class);
        assertTrue(error.isVisible());
        assertEquals(
                nowhere + ": does not exist. Check the path, or choose the folder or files again", error.getText());
        assertEquals(List.of(), opened);
    }
}
