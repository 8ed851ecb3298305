// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.lineage.LineageLayout;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.NodeId;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The steps the end-to-end window tests share: open a project, plan its failures in batches, wait on real dbt. */
final class RescueWindow {

    private RescueWindow() {}

    /** Opens a project folder as the open panel would, and waits for its lineage. */
    static ProjectSession open(AppContext context, FxRobot robot, Path project) throws Exception {
        robot.interact(() -> context.main().open().openFolder(project, Optional.empty()));
        waitLong(
                context,
                () -> context.main().sessionProperty().get() != null
                        && context.main().lineage().layoutProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return context.main().sessionProperty().get();
    }

    /** Clicks Failed + downstream and types a max-nodes budget that splits it into two or more batches. */
    static void planFailedInBatches(AppContext context, FxRobot robot, int maxNodes) throws Exception {
        waitLong(context, () -> !robot.lookup("#preset-failed").queryButton().isDisabled());
        robot.clickOn("#preset-failed");
        Spinner<?> spinner = robot.lookup("#plan-max-nodes").queryAs(Spinner.class);
        robot.clickOn(spinner.getEditor());
        robot.push(KeyCode.CONTROL, KeyCode.A).write(Integer.toString(maxNodes)).type(KeyCode.ENTER);
        waitLong(
                context,
                () -> robot.lookup("#plan-batches").queryListView().getItems().size() >= 2
                        && text(robot, "#plan-summary").contains("batches"));
    }

    /** How the lineage draws a node now. */
    static NodeStatus drawn(AppContext context, NodeId id) {
        LineageLayout layout = context.main().lineage().layoutProperty().get();
        ProjectSession session = context.main().sessionProperty().get();
        int item = layout.projection().itemOf(session.project().graph().indexOf(id));
        return item < 0 ? NodeStatus.NOT_RUN : layout.status()[item];
    }

    /** The text of a label or text control, empty for none. */
    static String text(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        String text = node instanceof TextInputControl input ? input.getText() : ((Labeled) node).getText();
        return text == null ? "" : text;
    }

    /** Waits as long as real dbt may take (-Drescue.wait seconds, 300 by default); prints the run log on a timeout. */
    static void waitLong(AppContext context, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(Integer.getInteger("rescue.wait", 300), TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            var run = context.main().rescue().run();
            StringBuilder dump =
                    new StringBuilder("DIAG summary=" + run.summaryProperty().get() + " error="
                            + run.errorProperty().get() + " history=" + run.getHistory() + "\n");
            run.getLog().forEach(r -> dump.append("DIAG ").append(r).append('\n'));
            System.out.println(dump);
            throw e;
        }
    }
}
