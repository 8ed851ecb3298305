// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.lineage.LineageLayout;
import dev.dbtrescue.app.lineage.canvas.LineageCanvas;
import dev.dbtrescue.app.lineage.canvas.NodeLook;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.app.lineage.canvas.StatusGlyphs;
import dev.dbtrescue.app.plan.PlanViewModel;
import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.plan.RescuePresets;
import dev.dbtrescue.graph.status.Failure;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
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
 * The real window, headless, driven through its controls: open the bundled demo (a real failed dbt build), see the
 * failure, pick what to rebuild. Also writes the README's screenshots into {@code target/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final String FAILED_MODEL = "model.rescue_shop.int_payments_converted";

    @TempDir
    Path home;

    private AppContext context;
    private MainView view;

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppFolders.under(home), Platform::runLater);
        view = new MainView(context.main(), context.executors().raster());
        stage.setScene(new Scene(view, 1600, 1000));
        stage.show();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void theDemoShowsTheFailedModelAsAnErrorWithItsClassAndBlastRadius(FxRobot robot) throws Exception {
        ProjectSession session = openDemo(robot);
        screenshot(robot, "overview");
        Failure failure = failure(session);

        robot.clickOn("#search-field").write("int_payments_converted").type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#detail-error-class").equals("Database"));

        LineageCanvas canvas = view.lineage().canvas();
        LineageLayout layout = context.main().lineage().layoutProperty().get();
        int item = layout.projection().itemOf(session.project().graph().indexOf(failure.node()));
        assertEquals(NodeStatus.ERROR, layout.status()[item]);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D at = new Point2D(canvas.getWidth() / 2, canvas.getHeight() / 2);
        assertEquals(item, canvas.nodeAt(at.getX(), at.getY()), "the search centred the failed model");
        assertTrue(
                containsColour(robot, canvas, at, StatusGlyphs.color(NodeStatus.ERROR)),
                "the failed model is drawn in the error colour");
        assertEquals(
                "12 models downstream · 3 exposures: churn_model_features, exec_weekly_kpis_email,"
                        + " finance_revenue_dashboard",
                text(robot, "#detail-blast-radius"));
        assertEquals(12, failure.blastRadius().models());
        screenshot(robot, "failure-detail");
    }

    @Test
    void failedPlusDownstreamSelectsExactlyTheEngineSet(FxRobot robot) throws Exception {
        ProjectSession session = openDemo(robot);
        var expected = new RescuePresets(session.project(), session.selectors(), session.state()).failed();
        waitFor(() -> !robot.lookup("#preset-failed").queryButton().isDisabled());

        robot.clickOn("#preset-failed");

        waitFor(() -> robot.lookup("#selection-list").queryListView().getItems().size()
                == expected.nodes().size());
        assertEquals(
                expected.nodes().stream().map(NodeId::toString).sorted().toList(),
                robot.lookup("#selection-list").queryListView().getItems().stream()
                        .map(row -> ((dev.dbtrescue.app.lineage.SelectionViewModel.NodeRow) row).uniqueId())
                        .sorted()
                        .toList());
        assertEquals(
                "--select " + dev.dbtrescue.graph.plan.ShellQuoting.quote(expected.select()),
                robot.lookup("#selection-arguments").queryAs(TextField.class).getText());
        screenshot(robot, "selection");
    }

    @Test
    void failedPlusDownstreamIsPlannedInBatchesAndTheLineageShowsEachNodesBatch(FxRobot robot) throws Exception {
        ProjectSession session = openDemo(robot);
        waitFor(() -> !robot.lookup("#preset-failed").queryButton().isDisabled());
        robot.clickOn("#preset-failed");
        Spinner<?> maxNodes = robot.lookup("#plan-max-nodes").queryAs(Spinner.class);
        robot.clickOn(maxNodes.getEditor());
        robot.push(KeyCode.CONTROL, KeyCode.A).write("4").type(KeyCode.ENTER);
        PlanViewModel plan = context.main().rescue().plan();
        waitFor(() -> plan.planProperty().get() != null
                && plan.planProperty().get().batches().size() >= 2
                && plan.getBatches().size()
                        == plan.planProperty().get().batches().size());

        RerunPlan planned = plan.planProperty().get();
        assertTrue(planned.batches().stream().allMatch(b -> b.primaryCount() <= 4), "at most 4 nodes per batch");
        assertTrue(
                text(robot, "#plan-summary").contains(planned.batches().size() + " batches"),
                text(robot, "#plan-summary"));
        waitFor(() -> badgesShow(session, planned));
        // after the replan a batch is still selected: its command shows without a click
        waitFor(() -> text(robot, "#batch-command").startsWith("dbt build --select "));

        robot.clickOn(robot.lookup("#plan-batches .list-cell")
                .match(n -> n instanceof ListCell<?> cell
                        && cell.getText() != null
                        && cell.getText().startsWith("Batch 2 "))
                .<ListCell<?>>query());
        waitFor(() -> text(robot, "#batch-command").startsWith("dbt build --select "));
        robot.clickOn("#copy-batch-command");
        String batch2 = plan.getBatches().get(1).command();
        assertEquals(
                batch2,
                WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                        .get());
        Screenshots.leftAligned(
                robot,
                view.lineage().canvas(),
                context.main()
                        .lineage()
                        .layoutProperty()
                        .get()
                        .projection()
                        .itemOf(session.project().graph().indexOf(NodeId.of(FAILED_MODEL))));
        screenshot(robot, "plan");
    }

    /** Every planned node that is drawn carries its batch's badge ({@code B2}) on the lineage. */
    private boolean badgesShow(ProjectSession session, RerunPlan plan) {
        LineageLayout layout = context.main().lineage().layoutProperty().get();
        NodeLook look = context.main().lineage().lookProperty().get();
        if (layout == null || look == null) {
            return false;
        }
        int drawn = 0;
        for (int b = 0; b < plan.batches().size(); b++) {
            for (NodeId id : plan.batches().get(b).ids()) {
                int item = layout.projection().itemOf(session.project().graph().indexOf(id));
                if (item < 0) {
                    continue; // tests are hidden and travel with the node they test
                }
                String badge = look.badges()[item];
                if (badge == null || !badge.startsWith("B" + (b + 1))) {
                    return false;
                }
                drawn++;
            }
        }
        return drawn > 0;
    }

    @Test
    void anInvalidSelectorShowsAnInlineError(FxRobot robot) throws Exception {
        openDemo(robot);

        robot.clickOn("#select-field").write("tagg:finance");

        waitFor(() -> robot.lookup("#selector-error").queryAs(Label.class).isVisible());
        assertTrue(text(robot, "#selector-error").contains("tagg"), text(robot, "#selector-error"));
    }

    @Test
    void showingTestsDrawsThem(FxRobot robot) throws Exception {
        ProjectSession session = openDemo(robot);
        int before =
                context.main().lineage().layoutProperty().get().projection().itemCount();

        robot.clickOn("#toggle-tests");

        long tests = session.project().graph().nodes().stream()
                .filter(n -> n.type() == NodeType.TEST)
                .count();
        waitFor(() ->
                context.main().lineage().layoutProperty().get().projection().itemCount() == before + tests);
        assertTrue(text(robot, "#lineage-status").startsWith((before + tests) + " items"));
    }

    @Test
    void searchCentresOnTheNodeAndShowsItsDetails(FxRobot robot) throws Exception {
        ProjectSession session = openDemo(robot);

        robot.clickOn("#search-field").write("fctpay");
        waitFor(() ->
                !robot.lookup("#search-results").queryListView().getItems().isEmpty());
        robot.type(KeyCode.ENTER);

        waitFor(() -> text(robot, "#detail-title").equals("fct_payments"));
        LineageCanvas canvas = view.lineage().canvas();
        int item = context.main()
                .lineage()
                .layoutProperty()
                .get()
                .projection()
                .itemOf(session.project().graph().indexOf(NodeId.of("model.rescue_shop.fct_payments")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(item, canvas.nodeAt(canvas.getWidth() / 2, canvas.getHeight() / 2));
    }

    @Test
    void hiddenSpinnersDoNotKeepAnimating(FxRobot robot) throws Exception {
        openDemo(robot);
        waitFor(() -> !robot.lookup("#preset-failed").queryButton().isDisabled());
        robot.clickOn("#preset-failed");
        PlanViewModel plan = context.main().rescue().plan();
        waitFor(() -> plan.planProperty().get() != null && !plan.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        // an indeterminate spinner animates even while invisible, and the window then redraws it on every pulse
        List<String> animatedWhileHidden = WaitForAsyncUtils.asyncFx(() -> {
                    List<String> found = new ArrayList<>();
                    Deque<Node> todo = new ArrayDeque<>(List.of(view));
                    while (!todo.isEmpty()) {
                        Node node = todo.pop();
                        if (node instanceof ProgressIndicator spinner && spinner.isIndeterminate() && !shown(spinner)) {
                            found.add(spinner.getId() + " in " + spinner.getParent());
                        }
                        if (node instanceof Parent parent) {
                            todo.addAll(parent.getChildrenUnmodifiable());
                        }
                    }
                    return found;
                })
                .get();
        assertEquals(List.of(), animatedWhileHidden);
        assertTrue(robot.lookup(".progress-indicator").tryQuery().isPresent(), "the window has spinners");
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private ProjectSession openDemo(FxRobot robot) throws Exception {
        robot.clickOn("#open-demo");
        waitFor(() -> context.main().lineage().layoutProperty().get() != null
                && context.main().lineage().lookProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return context.main().sessionProperty().get();
    }

    private static Failure failure(ProjectSession session) {
        return session.analysis().failures().stream()
                .filter(f -> f.node().toString().equals(FAILED_MODEL))
                .findFirst()
                .orElseThrow();
    }

    private static boolean containsColour(FxRobot robot, LineageCanvas canvas, Point2D at, Color colour)
            throws Exception {
        var image = WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get();
        var pixels = image.getPixelReader();
        for (int dx = -90; dx <= 90; dx++) {
            for (int dy = -18; dy <= 18; dy++) {
                int x = (int) at.getX() + dx;
                int y = (int) at.getY() + dy;
                if (x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight()) {
                    continue;
                }
                Color c = pixels.getColor(x, y);
                if (Math.abs(c.getRed() - colour.getRed()) < 0.03
                        && Math.abs(c.getGreen() - colour.getGreen()) < 0.03
                        && Math.abs(c.getBlue() - colour.getBlue()) < 0.03) {
                    return true;
                }
            }
        }
        return false;
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        Screenshots.write(view.getScene(), name);
    }

    private static String text(FxRobot robot, String id) {
        var node = robot.lookup(id).query();
        if (node instanceof Label label) {
            return label.getText() == null ? "" : label.getText();
        }
        if (node instanceof TextInputControl input) {
            return input.getText();
        }
        if (node instanceof ListView<?> list) {
            return list.getItems().toString();
        }
        return node.toString();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
