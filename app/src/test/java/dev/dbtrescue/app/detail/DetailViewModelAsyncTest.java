// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import static dev.dbtrescue.app.TestSessions.FAILED_MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.select.SelectorEvaluator;
import dev.dbtrescue.graph.select.SelectorParser;
import dev.dbtrescue.graph.select.StateReason;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The modified reason and the SQL: computed off the calling thread, and only the newest request counts. */
class DetailViewModelAsyncTest {

    private final TestSessions.Recording background = new TestSessions.Recording();
    private ProjectSession session;
    private DetailViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        session = TestSessions.failedBuildAgainstProd();
        vm = new DetailViewModel(background, Runnable::run);
    }

    private SelectorEvaluator evaluator() {
        return new SelectorEvaluator(
                session.project().graph(), session.project().artifacts().manifest(), session.state());
    }

    /** The first node {@code state:modified} selects against prod, found by dbt-rescue's own selector. */
    private NodeId modifiedNode() throws Exception {
        List<NodeId> modified = evaluator()
                .select(new SelectorParser().parse("state:modified,resource_type:model"))
                .nodes();
        assertFalse(modified.isEmpty(), "the failed build differs from prod");
        return modified.get(0);
    }

    private NodeId unmodifiedNode() throws Exception {
        SelectorEvaluator evaluator = evaluator();
        for (Node node : session.project().graph().nodes()) {
            if (evaluator.stateReasons(node.id()).isEmpty()) {
                return node.id();
            }
        }
        throw new AssertionError("every node differs from prod");
    }

    private Manifest manifest() {
        return session.project().artifacts().manifest();
    }

    @Test
    void modifiedReasonListsTheStateChecksThatFired() throws Exception {
        NodeId modified = modifiedNode();
        List<StateReason> reasons = evaluator().stateReasons(modified);
        vm.show(session, modified);
        background.runAll();

        assertEquals(
                "modified: "
                        + String.join(
                                "; ",
                                reasons.stream().map(StateReason::describe).toList()),
                vm.modifiedReasonProperty().get());
    }

    @Test
    void modifiedReasonOfAnUnchangedNodeSaysSo() throws Exception {
        vm.show(session, unmodifiedNode());
        background.runAll();

        assertEquals(
                "unchanged against the state manifest (state/prod)",
                vm.modifiedReasonProperty().get());
    }

    @Test
    void modifiedReasonWithoutStateSaysNoneWasChosen() throws Exception {
        vm.show(TestSessions.failedBuild(), FAILED_MODEL);

        assertEquals(List.of(), background.queued);
        assertEquals(ModifiedReasons.NO_STATE, vm.modifiedReasonProperty().get());
    }

    @Test
    void modifiedReasonIsComputedOnTheBackgroundExecutor() throws Exception {
        vm.show(session, modifiedNode());

        assertEquals(
                List.of(1, DetailViewModel.COMPARING),
                List.of(background.queued.size(), vm.modifiedReasonProperty().get()));
    }

    @Test
    void theNewestShowWinsTheModifiedReason() throws Exception {
        NodeId modified = modifiedNode();
        NodeId unmodified = unmodifiedNode();
        vm.show(session, modified);
        vm.show(session, unmodified);
        background.runAll();

        assertEquals(
                "unchanged against the state manifest (state/prod)",
                vm.modifiedReasonProperty().get());
        assertEquals(unmodified.value(), vm.uniqueIdProperty().get());
    }

    @Test
    void compiledSqlLoadsOnTheBackgroundExecutor() {
        vm.show(session, FAILED_MODEL);
        background.runAll(); // the modified reason
        vm.loadCompiledSql();

        assertEquals(
                List.of(1, "", true),
                List.of(
                        background.queued.size(),
                        vm.sqlProperty().get(),
                        vm.sqlLoadingProperty().get()));
        background.runAll();
        assertEquals(
                List.of(
                        manifest().compiledCode(FAILED_MODEL).orElseThrow(),
                        "Compiled SQL of model int_payments_converted",
                        false),
                List.of(
                        vm.sqlProperty().get(),
                        vm.sqlTitleProperty().get(),
                        vm.sqlLoadingProperty().get()));
    }

    @Test
    void rawSqlIsTheCodeAsWritten() {
        vm.show(session, FAILED_MODEL);
        vm.loadRawSql();
        background.runAll();

        assertEquals(
                List.of(manifest().rawCode(FAILED_MODEL).orElseThrow(), "Raw SQL of model int_payments_converted"),
                List.of(vm.sqlProperty().get(), vm.sqlTitleProperty().get()));
    }

    @Test
    void aNodeDbtNeverCompiledSaysWhereCompiledSqlComesFrom() {
        NodeId uncompiled = session.project().graph().nodes().stream()
                .map(Node::id)
                .filter(id -> manifest().rawCode(id).isPresent()
                        && manifest().compiledCode(id).isEmpty())
                .findFirst()
                .orElseThrow();
        vm.show(session, uncompiled);
        vm.loadCompiledSql();
        background.runAll();

        assertEquals(
                List.of("", DetailViewModel.NO_COMPILED_SQL),
                List.of(vm.sqlProperty().get(), vm.sqlTitleProperty().get()));
    }

    @Test
    void switchingNodesClearsTheSqlAndDropsTheStaleLoad() {
        vm.show(session, FAILED_MODEL);
        vm.loadCompiledSql();
        vm.show(session, NodeId.of("model.rescue_shop.fct_payments"));
        background.runAll();

        assertEquals(
                List.of("", "", false),
                List.of(
                        vm.sqlProperty().get(),
                        vm.sqlTitleProperty().get(),
                        vm.sqlLoadingProperty().get()));
    }

    @Test
    void theNewestSqlRequestWins() {
        vm.show(session, FAILED_MODEL);
        vm.loadCompiledSql();
        vm.loadRawSql();
        background.runAll();

        assertEquals(
                manifest().rawCode(FAILED_MODEL).orElseThrow(), vm.sqlProperty().get());
    }

    @Test
    void aComparisonOfAnEarlierSessionDoesNotLandOnASessionWithoutState() throws Exception {
        vm.show(session, modifiedNode());
        vm.show(TestSessions.failedBuild(), FAILED_MODEL);
        background.runAll();

        assertEquals(ModifiedReasons.NO_STATE, vm.modifiedReasonProperty().get());
    }
}
