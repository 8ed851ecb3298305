// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.app.lineage.canvas.NodeLook;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.ProjectArtifacts;
import dev.dbtrescue.graph.status.Failure;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageViewModelTest {

    private final ProjectSession session = TestSessions.failedBuildAgainstProd();
    private final LineageGraph graph = session.project().graph();
    private final SelectionViewModel selection = new SelectionViewModel(Runnable::run, Runnable::run);
    private final LineageViewModel vm =
            new LineageViewModel(selection, new LayeredLineageLayout(), Runnable::run, Runnable::run);

    private void open(LineageViewModel model) {
        selection.setSession(session);
        model.setSession(session);
    }

    @Test
    void aSmallProjectOpensWholeWithTestsHidden() {
        open(vm);

        LineageLayout layout = vm.layoutProperty().get();
        assertNotNull(layout);
        assertFalse(vm.scopedProperty().get());
        long drawable = graph.nodes().stream().filter(n -> !n.type().isTest()).count();
        assertEquals(drawable, layout.projection().itemCount());
    }

    @Test
    void theFailedModelIsDrawnAsAnErrorWithItsTestsAsABadge() {
        open(vm);

        Failure failure = session.analysis().failures().stream()
                .filter(f -> f.node().toString().equals("model.rescue_shop.int_payments_converted"))
                .findFirst()
                .orElseThrow();
        LineageLayout layout = vm.layoutProperty().get();
        int item = layout.projection().itemOf(graph.indexOf(failure.node()));
        assertEquals(NodeStatus.ERROR, layout.status()[item]);
    }

    @Test
    void showingTestsDrawsThemAsNodes() {
        open(vm);
        int before = vm.layoutProperty().get().projection().itemCount();

        vm.typeShownProperty(NodeType.TEST).set(true);

        long tests =
                graph.nodes().stream().filter(n -> n.type() == NodeType.TEST).count();
        assertEquals(before + tests, vm.layoutProperty().get().projection().itemCount());
    }

    @Test
    void clickingANodeFocusesItAndShiftClickTogglesItsSelection() {
        open(vm);
        int node = graph.indexOf(NodeId.of("model.rescue_shop.fct_payments"));
        int item = vm.layoutProperty().get().projection().itemOf(node);

        vm.clicked(item, false, 1);
        assertEquals(node, vm.focusedProperty().get());

        vm.clicked(item, true, 1);
        NodeLook look = vm.lookProperty().get();
        assertTrue(selection.selectionProperty().get().contains(node));
        assertTrue(look.selected().get(item));
        assertTrue(look.dimUnselected());
        assertEquals(item, look.focused());
    }

    @Test
    void theSelectionBoundaryIsTheSelectedNodesWithUnselectedParents() {
        open(vm);
        selection.applyPreset(Preset.FAILED);

        NodeLook look = vm.lookProperty().get();
        Projection projection = vm.layoutProperty().get().projection();
        BitSet nodes = selection.selectionProperty().get().nodes();
        for (int i = nodes.nextSetBit(0); i >= 0; i = nodes.nextSetBit(i + 1)) {
            int item = projection.itemOf(i);
            if (item < 0) {
                continue;
            }
            boolean unselectedParent = false;
            for (int p : graph.parentIndices(i)) {
                unselectedParent |= !nodes.get(p);
            }
            assertEquals(
                    unselectedParent, look.boundary().get(item), graph.nodeAt(i).name());
        }
    }

    @Test
    void focusingAHiddenTestCentresOnTheNodeItTests() {
        open(vm);
        int test = graph.indexOf(graph.nodes().stream()
                .filter(n -> n.id().toString().startsWith("test.rescue_shop.not_null_fct_payments_payment_id"))
                .findFirst()
                .orElseThrow()
                .id());

        vm.focus(test);

        int fct = graph.indexOf(NodeId.of("model.rescue_shop.fct_payments"));
        assertEquals(test, vm.focusedProperty().get());
        assertEquals(
                vm.layoutProperty().get().projection().itemOf(fct),
                vm.centerRequestProperty().get().item());
    }

    @Test
    void searchHighlightsTheHits() {
        open(vm);

        vm.search("fct_payments");

        assertEquals("fct_payments", vm.getSearchResults().get(0).name());
        int item = vm.layoutProperty()
                .get()
                .projection()
                .itemOf(vm.getSearchResults().get(0).graphIndex());
        assertTrue(vm.lookProperty().get().highlighted().get(item));
    }

    @Test
    void aLargeProjectWithFailuresOpensOnTheFailuresNeighbourhoodAndCanShowEverything() {
        var small = new LineageViewModel(selection, new LayeredLineageLayout(), Runnable::run, Runnable::run);
        open(small);
        small.showFailureNeighbourhood();
        assertTrue(small.scopedProperty().get());
        int scoped = small.layoutProperty().get().projection().itemCount();

        small.showWholeProject();

        assertFalse(small.scopedProperty().get());
        assertTrue(small.layoutProperty().get().projection().itemCount() > scoped);
    }

    @Test
    void expandingUpstreamAddsTheNodesParents() {
        open(vm);
        vm.showFailureNeighbourhood();
        Projection before = vm.layoutProperty().get().projection();
        int edge = -1;
        for (int i = 0; i < graph.size() && edge < 0; i++) {
            if (before.itemOf(i) >= 0) {
                for (int p : graph.parentIndices(i)) {
                    if (before.itemOf(p) < 0 && !graph.nodeAt(p).type().isTest()) {
                        edge = i;
                    }
                }
            }
        }
        assertTrue(edge >= 0, "some drawn node has an undrawn parent");

        vm.expandUpstream(edge);

        Projection after = vm.layoutProperty().get().projection();
        for (int p : graph.parentIndices(edge)) {
            if (!graph.nodeAt(p).type().isTest()) {
                assertTrue(after.itemOf(p) >= 0, graph.nodeAt(p).name());
            }
        }
    }

    @Test
    void expandingDownstreamAddsTheNodesChildren() {
        open(vm);
        vm.showFailureNeighbourhood();
        int edge = drawnWithUndrawn(vm.layoutProperty().get().projection(), false);

        vm.expandDownstream(edge);

        assertAllDrawn(vm.layoutProperty().get().projection(), graph.childIndices(edge));
    }

    @Test
    void doubleClickingANodeInTheNeighbourhoodDrawsItsParentsAndChildren() {
        open(vm);
        for (boolean upstream : new boolean[] {true, false}) {
            vm.showFailureNeighbourhood();
            Projection before = vm.layoutProperty().get().projection();
            int edge = drawnWithUndrawn(before, upstream);

            vm.clicked(before.itemOf(edge), false, 2);

            Projection after = vm.layoutProperty().get().projection();
            assertAllDrawn(after, graph.parentIndices(edge));
            assertAllDrawn(after, graph.childIndices(edge));
        }
    }

    /** A drawn node with an undrawn non-test parent (upstream) or child (downstream). */
    private int drawnWithUndrawn(Projection projection, boolean upstream) {
        for (int i = 0; i < graph.size(); i++) {
            if (projection.itemOf(i) < 0) {
                continue;
            }
            for (int n : upstream ? graph.parentIndices(i) : graph.childIndices(i)) {
                if (projection.itemOf(n) < 0 && !graph.nodeAt(n).type().isTest()) {
                    return i;
                }
            }
        }
        throw new AssertionError("no drawn node has an undrawn " + (upstream ? "parent" : "child"));
    }

    private void assertAllDrawn(Projection projection, int[] nodes) {
        for (int n : nodes) {
            if (!graph.nodeAt(n).type().isTest()) {
                assertTrue(projection.itemOf(n) >= 0, graph.nodeAt(n).name());
            }
        }
    }

    @Test
    void aLassoAddsItsNodesAndALassoWithAltTakesThemOut() {
        open(vm);
        Projection projection = vm.layoutProperty().get().projection();
        int payments = graph.indexOf(NodeId.of("model.rescue_shop.fct_payments"));
        int orders = graph.indexOf(NodeId.of("model.rescue_shop.fct_orders"));
        int[] items = {projection.itemOf(payments), projection.itemOf(orders)};

        vm.lassoed(items, false);
        assertTrue(selection.selectionProperty().get().contains(payments));
        assertTrue(selection.selectionProperty().get().contains(orders));

        vm.lassoed(new int[] {projection.itemOf(orders)}, true);
        assertTrue(selection.selectionProperty().get().contains(payments));
        assertFalse(selection.selectionProperty().get().contains(orders));
    }

    @Test
    void doubleClickingACollapsedFolderDrawsItsMembers() {
        open(vm);
        vm.groupingProperty().set(Grouping.FOLDER);
        Projection grouped = vm.layoutProperty().get().projection();
        int staging = -1;
        for (int item = 0; item < grouped.itemCount(); item++) {
            if (grouped.group(item)
                    .filter("rescue_shop/models/staging/shop"::equals)
                    .isPresent()) {
                staging = item;
            }
        }
        int members = grouped.members(staging).length;

        vm.clicked(staging, false, 2);

        assertEquals(
                grouped.itemCount() - 1 + members,
                vm.layoutProperty().get().projection().itemCount());
    }

    @Test
    void theTooltipNamesTheNodeItsStatusAgeTimingAndTests() {
        open(vm);
        Projection projection = vm.layoutProperty().get().projection();

        String tooltip = vm.tooltip(projection.itemOf(graph.indexOf(TestSessions.FAILED_MODEL)));

        // the demo's run finished this model at 18:18:35Z after 0.41 s; the session's clock says 21:30Z
        assertEquals("int_payments_converted\nmodel · view\nError · 3h 11m ago\nran in 0.41s\ntests ·4", tooltip);
    }

    @Test
    void aLayoutThatANewerRequestOvertookStopsAndIsNotShown() {
        var queued = new TestSessions.Recording();
        var slow = new LineageViewModel(selection, new LayeredLineageLayout(), queued, Runnable::run);
        selection.setSession(session);
        slow.setSession(session); // queues the whole-project layout
        slow.typeShownProperty(dev.dbtrescue.graph.NodeType.TEST).set(true); // overtakes it

        queued.runAll();

        long withTests = graph.nodes().stream()
                .filter(n -> n.type() != dev.dbtrescue.graph.NodeType.UNIT_TEST)
                .count();
        assertEquals(withTests, slow.layoutProperty().get().projection().itemCount());
        assertFalse(slow.busyProperty().get());
    }

    @Test
    void newResultsOfTheSameProjectRecolourTheDrawingInPlaceKeepingTheViewOptions() throws Exception {
        open(vm);
        vm.typeShownProperty(NodeType.TEST).set(true);
        LineageLayout before = vm.layoutProperty().get();
        Path failed = Fixtures.demo("failed-build");
        Path rerun = Fixtures.demo("rerun");
        var rewritten = new ArtifactLoader()
                .load(
                        rerun.resolve("manifest.json"), // dbt wrote the manifest again, in another order
                        List.of(failed.resolve("run_results.json"), rerun.resolve("run_results.json")),
                        List.of(failed.resolve("sources.json")));
        ProjectSession newer = ProjectSession.of(
                "test",
                new ProjectArtifacts(
                        rewritten
                                .manifest()
                                .inOrderOf(graph.nodes().stream().map(Node::id).toList()),
                        rewritten.runResults(),
                        rewritten.sources()),
                session.state(),
                session.stateOrigin(),
                TestSessions.NOW);
        assertNotEquals(graph.nodes(), newer.project().graph().nodes(), "the fixture's manifest differs in detail");

        vm.refreshStatuses(newer);

        LineageLayout after = vm.layoutProperty().get();
        assertSame(before.scene(), after.scene(), "not laid out again");
        assertTrue(vm.typeShownProperty(NodeType.TEST).get());
        int item = after.projection().itemOf(graph.indexOf(TestSessions.FAILED_MODEL));
        assertEquals(NodeStatus.ERROR, before.status()[item]);
        assertEquals(NodeStatus.SUCCESS, after.status()[item]);
    }
}
