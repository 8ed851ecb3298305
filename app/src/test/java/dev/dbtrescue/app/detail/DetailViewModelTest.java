// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import static dev.dbtrescue.app.TestSessions.FAILED_MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.status.BlastRadius;
import dev.dbtrescue.graph.status.Durations;
import dev.dbtrescue.graph.status.Failure;
import dev.dbtrescue.graph.status.NodeState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The detail view-model on the demo's failed build, with direct executors (no toolkit). */
class DetailViewModelTest {

    private ProjectSession session;
    private DetailViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        session = TestSessions.failedBuild();
        vm = new DetailViewModel(Runnable::run, Runnable::run);
    }

    private Failure failure(NodeId id) {
        return session.failuresByNode().get(id);
    }

    private Node node(String uniqueId) {
        return session.project().graph().requireNode(NodeId.of(uniqueId));
    }

    @Test
    void theShownNodesRunLogFollowsItsSourceAndClearsWithThePane() {
        var logs = new java.util.HashMap<String, List<String>>();
        vm.setRunLogSource(id -> logs.getOrDefault(id, List.of()));
        vm.show(session, FAILED_MODEL);
        assertEquals("", vm.runLogProperty().get());

        logs.put(FAILED_MODEL.toString(), List.of("10:00:01  START", "10:00:03  ERROR"));
        vm.refreshRunLog();
        assertEquals("10:00:01  START\n10:00:03  ERROR", vm.runLogProperty().get());

        vm.show(session, NodeId.of("model.rescue_shop.stg_shop__orders"));
        assertEquals("", vm.runLogProperty().get(), "another node has its own log");
        vm.show(session, FAILED_MODEL);
        assertEquals("10:00:01  START\n10:00:03  ERROR", vm.runLogProperty().get());
        vm.clear();
        assertEquals("", vm.runLogProperty().get());
    }

    @Test
    void errorClassAndAdviceAreTheAnalysisOfTheFailure() {
        vm.show(session, FAILED_MODEL);

        Failure failure = failure(FAILED_MODEL);
        assertEquals("Database", vm.errorClassProperty().get());
        assertEquals(
                List.of(failure.errorClass().label(), failure.errorClass().advice()),
                List.of(vm.errorClassProperty().get(), vm.adviceProperty().get()));
    }

    @Test
    void firstLineAndMessageAreTheFailuresWithoutAnsi() {
        vm.show(session, FAILED_MODEL);

        Failure failure = failure(FAILED_MODEL);
        assertEquals(
                List.of(failure.firstLine(), failure.message().orElseThrow()),
                List.of(vm.firstLineProperty().get(), vm.messageProperty().get()));
    }

    @Test
    void statusTextIsTheStateWithTheAgeOfTheLastResult() {
        vm.show(session, FAILED_MODEL);

        var status = session.project().status();
        assertEquals(NodeState.ERROR, vm.statusProperty().get());
        // the demo's run_results.json finished this model at 18:18:35Z, after 0.41 s; NOW is 21:30Z
        assertEquals(
                List.of("error · 3h 11m ago", "0.41s"),
                List.of(
                        vm.statusTextProperty().get(),
                        vm.executionTimeProperty().get()));
        assertEquals(
                "error · " + Durations.format(status.age(FAILED_MODEL).orElseThrow()) + " ago",
                vm.statusTextProperty().get());
        assertEquals(
                Durations.format(status.lastResult(FAILED_MODEL).orElseThrow().executionTime()),
                vm.executionTimeProperty().get());
    }

    @Test
    void blastRadiusCountsWhatTheFailureKeepsFromBeingBuilt() {
        vm.show(session, FAILED_MODEL);

        assertEquals(
                "12 models downstream · 3 exposures: churn_model_features, exec_weekly_kpis_email,"
                        + " finance_revenue_dashboard",
                vm.blastRadiusProperty().get());
        BlastRadius radius = failure(FAILED_MODEL).blastRadius();
        assertEquals(List.of(0, 0, false), List.of(radius.snapshots(), radius.seeds(), radius.majorIncident()));
        List<String> exposureNames = radius.exposures().stream()
                .map(e -> session.project().graph().requireNode(e).name())
                .toList();
        assertEquals(
                radius.models() + " models downstream · " + radius.exposures().size() + " exposures: "
                        + String.join(", ", exposureNames),
                vm.blastRadiusProperty().get());
        assertEquals(
                radius.exposures(),
                vm.getBlastExposures().stream().map(LinkedNode::id).toList());
    }

    @Test
    void skippedListsWhatTheFailureSkipped() {
        vm.show(session, FAILED_MODEL);

        List<NodeId> skipped = failure(FAILED_MODEL).skipped();
        assertFalse(skipped.isEmpty());
        assertEquals(skipped, vm.getSkipped().stream().map(LinkedNode::id).toList());
        assertEquals(
                session.project().graph().requireNode(skipped.get(0)).label(),
                vm.getSkipped().get(0).label());
    }

    @Test
    void aSkippedNodeSaysWhichFailureSkippedIt() {
        NodeId fct = NodeId.of("model.rescue_shop.fct_payments");
        vm.show(session, fct);

        assertEquals(NodeState.SKIPPED, vm.statusProperty().get());
        assertEquals(
                "skipped because model int_payments_converted failed",
                vm.firstLineProperty().get());
        assertEquals("", vm.executionTimeProperty().get());
        assertEquals("", vm.errorClassProperty().get());
    }

    @Test
    void manifestFieldsAreShownAsWritten() {
        Node fct = node("model.rescue_shop.fct_payments");
        vm.show(session, fct.id());

        assertEquals(fct.name(), vm.titleProperty().get());
        assertEquals(
                fct.label() + " · " + fct.id().value(), vm.subtitleProperty().get());
        assertEquals(
                fct.materialized().orElseThrow(), vm.materializationProperty().get());
        assertEquals(fct.location().originalFilePath(), vm.pathProperty().get());
        assertEquals(String.join(", ", fct.tags()), vm.tagsProperty().get());
        assertEquals(fct.owner().orElseThrow(), vm.ownerProperty().get());
        assertEquals(
                fct.details().description().orElse(""), vm.descriptionProperty().get());
        assertEquals(fct.columns(), vm.getColumns());
        List<String> meta = new ArrayList<>();
        fct.details()
                .meta()
                .properties()
                .forEach(e -> meta.add(e.getKey() + ": " + e.getValue().asText()));
        assertEquals(meta, vm.getMeta());
    }

    @Test
    void lineageCountsEveryNodeUpAndDownstream() {
        vm.show(session, FAILED_MODEL);

        var graph = session.project().graph();
        int up = graph.ancestorsOf(FAILED_MODEL).size();
        int down = graph.descendantsOf(FAILED_MODEL).size();
        assertEquals(
                List.of(up, down, up + " upstream · " + down + " downstream"),
                List.of(
                        vm.upstreamCountProperty().get(),
                        vm.downstreamCountProperty().get(),
                        vm.lineageProperty().get()));
    }

    @Test
    void testsSummaryCountsOutcomesAndNamesTheFailingTest() {
        Failure failedTest = session.analysis().failures().stream()
                .filter(f -> session.project().graph().requireNode(f.node()).type() == NodeType.TEST)
                .findFirst()
                .orElseThrow();
        NodeId tested = session.project().graph().parentsOf(failedTest.node()).get(0);
        List<NodeId> tests = session.project().graph().childrenOf(tested).stream()
                .filter(c -> session.project().graph().requireNode(c).type().isTest())
                .toList();
        vm.show(session, tested);

        assertEquals(List.of(failedTest.node()), tests, "the fixture's failing test is its node's only test");
        assertEquals(
                "1 test: 1 fail (" + node(failedTest.node().value()).name() + ")",
                vm.testsSummaryProperty().get());
        assertEquals(
                List.of(new LinkedNode(
                        "fail · " + node(failedTest.node().value()).name(), failedTest.node())),
                vm.getTests());
    }

    @Test
    void testsSummaryCountsEachOutcomeOnce() {
        var graph = session.project().graph();
        var status = session.project().status();
        Node healthy = graph.nodes().stream()
                .filter(n -> n.type() == NodeType.MODEL)
                .filter(n -> {
                    List<NodeId> tests = graph.childrenOf(n.id()).stream()
                            .filter(c -> graph.requireNode(c).type().isTest())
                            .toList();
                    return tests.size() > 1 && tests.stream().allMatch(t -> status.stateOf(t) == NodeState.SUCCESS);
                })
                .findFirst()
                .orElseThrow();
        long tests = graph.childrenOf(healthy.id()).stream()
                .filter(c -> graph.requireNode(c).type().isTest())
                .count();
        vm.show(session, healthy.id());

        assertEquals(
                tests + " tests: " + tests + " pass", vm.testsSummaryProperty().get());
    }

    @Test
    void aTestShowsTheNodeItTestsAndItsFailingRows() {
        Failure failedTest = session.analysis().failures().stream()
                .filter(f -> node(f.node().value()).type() == NodeType.TEST)
                .findFirst()
                .orElseThrow();
        Node tested = session.project()
                .graph()
                .requireNode(
                        session.project().graph().parentsOf(failedTest.node()).get(0));
        vm.show(session, failedTest.node());

        long failingRows = session.project()
                .status()
                .lastResult(failedTest.node())
                .orElseThrow()
                .failures()
                .orElseThrow();
        assertTrue(vm.getFacts().contains(new DetailRow("tests", tested.label())), vm.getFacts()::toString);
        assertTrue(vm.getFacts().contains(new DetailRow("failing rows", Long.toString(failingRows))));
        assertEquals(List.of(new LinkedNode("↑ " + tested.label(), tested.id())), vm.getNeighbours());
    }

    @Test
    void aStaleSourceShowsItsFreshness() {
        NodeId webEvents = NodeId.of("source.rescue_shop.web.web_events");
        vm.show(session, webEvents);

        var freshness = session.project().status().freshness(webEvents).orElseThrow();
        assertEquals(
                "stale source · data " + Durations.format(freshness.dataAge().orElseThrow()) + " old · checked "
                        + Durations.format(freshness.checkAge().orElseThrow()) + " ago",
                vm.statusTextProperty().get());
        assertEquals(
                failure(webEvents).errorClass().label(), vm.errorClassProperty().get());
        assertEquals(failure(webEvents).firstLine(), vm.firstLineProperty().get());
        assertTrue(vm.getFacts().contains(new DetailRow("criteria", "warn after 1 hour, error after 6 hours")));
        assertTrue(vm.getFacts()
                .contains(new DetailRow(
                        "max_loaded_at",
                        freshness.result().maxLoadedAt().orElseThrow().toString())));
    }

    @Test
    void anExposureShowsItsTypeUrlAndOwner() {
        Node exposure = node("exposure.rescue_shop.finance_revenue_dashboard");
        vm.show(session, exposure.id());

        var info = exposure.details().exposure().orElseThrow();
        assertEquals(exposure.owner().orElseThrow(), vm.ownerProperty().get());
        assertTrue(vm.getFacts().contains(new DetailRow("type", info.type())));
        assertTrue(vm.getFacts().contains(new DetailRow("url", info.url().orElseThrow())));
    }

    @Test
    void clearHidesThePane() {
        vm.show(session, FAILED_MODEL);
        vm.clear();

        assertEquals(
                List.of(false, "", "", ""),
                List.of(
                        vm.visibleProperty().get(),
                        vm.titleProperty().get(),
                        vm.errorClassProperty().get(),
                        vm.modifiedReasonProperty().get()));
        assertTrue(vm.getSkipped().isEmpty());
    }

    @Test
    void aNodeMissingFromTheSessionClearsThePane() {
        vm.show(session, FAILED_MODEL);
        vm.show(session, NodeId.of("model.rescue_shop.gone"));

        assertFalse(vm.visibleProperty().get());
    }

    @Test
    void navigatingShowsTheLinkedNodeByDefault() {
        NodeId firstSkipped = failure(FAILED_MODEL).skipped().get(0);
        vm.show(session, FAILED_MODEL);
        vm.navigateTo(vm.getSkipped().get(0).id());

        assertEquals(
                List.of(firstSkipped.value(), node(firstSkipped.value()).name()),
                List.of(vm.uniqueIdProperty().get(), vm.titleProperty().get()));
    }

    @Test
    void navigatingGoesThroughTheNavigatorWhenSet() {
        List<NodeId> visited = new ArrayList<>();
        vm.setNavigator(visited::add);
        vm.show(session, FAILED_MODEL);
        vm.navigateTo(vm.getSkipped().get(0).id());

        assertEquals(List.of(failure(FAILED_MODEL).skipped().get(0)), visited);
        assertEquals(FAILED_MODEL.value(), vm.uniqueIdProperty().get());
    }
}
