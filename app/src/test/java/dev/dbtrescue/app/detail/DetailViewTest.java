// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import static dev.dbtrescue.app.TestSessions.FAILED_MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.status.BlastRadius;
import dev.dbtrescue.graph.status.Failure;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The detail pane on the demo's failed model, headless, with direct executors. */
@ExtendWith(ApplicationExtension.class)
class DetailViewTest {

    private ProjectSession session;
    private DetailViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        session = TestSessions.failedBuild();
        viewModel = new DetailViewModel(Runnable::run, Runnable::run);
        stage.setScene(new Scene(new DetailView(viewModel), 700, 1150));
        stage.show();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void showsTheFailuresClassAndBlastRadiusAndLoadsCompiledSqlOnClick(FxRobot robot) {
        robot.interact(() -> viewModel.show(session, FAILED_MODEL));

        Failure failure = session.failuresByNode().get(FAILED_MODEL);
        BlastRadius radius = failure.blastRadius();
        List<String> exposures = radius.exposures().stream()
                .map(e -> session.project().graph().requireNode(e).name())
                .toList();
        assertEquals(failure.errorClass().label(), text(robot, "#detail-error-class"));
        assertEquals(
                radius.models() + " models downstream · " + exposures.size() + " exposures: "
                        + String.join(", ", exposures),
                text(robot, "#detail-blast-radius"));

        robot.clickOn("#detail-load-compiled");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(
                session.project()
                        .artifacts()
                        .manifest()
                        .compiledCode(FAILED_MODEL)
                        .orElseThrow(),
                robot.lookup("#detail-sql").queryAs(TextArea.class).getText());
    }

    @Test
    void showsThePlaceholderUntilANodeIsShown(FxRobot robot) {
        assertTrue(robot.lookup("#detail-empty").query().isVisible());

        robot.interact(() -> viewModel.show(session, FAILED_MODEL));

        assertFalse(robot.lookup("#detail-empty").query().isVisible());
        assertEquals(session.project().graph().requireNode(FAILED_MODEL).name(), text(robot, "#detail-title"));
    }

    @Test
    void doubleClickingASkippedNodeShowsIt(FxRobot robot) {
        robot.interact(() -> viewModel.show(session, FAILED_MODEL));
        LinkedNode first = viewModel.getSkipped().get(0);

        robot.doubleClickOn(first.label());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(first.id().value(), viewModel.uniqueIdProperty().get());
        assertEquals(session.project().graph().requireNode(first.id()).name(), text(robot, "#detail-title"));
    }
}
