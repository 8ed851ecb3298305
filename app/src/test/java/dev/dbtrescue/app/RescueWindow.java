// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.lineage.LineageLayout;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.status.NodeState;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Every status the lineage shows live for a node while runs go on, collected from the run panel's updates. */
    static Set<NodeStatus> watchLive(AppContext context, FxRobot robot, int graphIndex) {
        Set<NodeStatus> seen = ConcurrentHashMap.newKeySet();
        robot.interact(() -> context.main().rescue().run().liveProperty().addListener((obs, was, now) -> {
            NodeStatus status = now.get(graphIndex);
            if (status != null) {
                seen.add(status);
            }
        }));
        return seen;
    }

    /**
     * The run repaired the failure: every reporting node of the plan was counted, the failed model was drawn running
     * and then green while dbt ran, and the artifacts read back say the failed and the skipped model succeeded.
     */
    static void assertRepairedLive(
            AppContext context,
            FxRobot robot,
            ProjectSession opened,
            Set<NodeStatus> seenLive,
            NodeId failed,
            NodeId skipped)
            throws Exception {
        long reporting = context.main().rescue().plan().planProperty().get().batches().stream()
                .flatMap(b -> b.ids().stream())
                .filter(id -> !opened.project().graph().node(id).orElseThrow().isEphemeral())
                .count();
        assertTrue(
                text(robot, "#run-progress-text").startsWith(reporting + " / " + reporting + " nodes"),
                text(robot, "#run-progress-text"));
        assertTrue(seenLive.contains(NodeStatus.RUNNING), "the model was drawn running: " + seenLive);
        assertTrue(seenLive.contains(NodeStatus.SUCCESS), "then succeeded, live: " + seenLive);
        waitLong(context, () -> {
            ProjectSession now = context.main().sessionProperty().get();
            return now.project().status().stateOf(failed) == NodeState.SUCCESS
                    && now.project().status().stateOf(skipped) == NodeState.SUCCESS
                    && drawn(context, failed) == NodeStatus.SUCCESS;
        });
    }

    /** Waits until the run panel's run has ended, and checks that its summary says it succeeded. */
    static void awaitRunSucceeded(AppContext context, FxRobot robot) throws Exception {
        waitLong(
                context,
                () -> !context.main().rescue().run().runningProperty().get()
                        && !text(robot, "#run-summary").isEmpty());
        assertTrue(text(robot, "#run-summary").startsWith("Run succeeded"), text(robot, "#run-summary"));
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
