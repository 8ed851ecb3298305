// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import static dev.dbtrescue.graph.TestGraphs.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.TestGraphs;
import dev.dbtrescue.graph.manifest.ArtifactKind;
import dev.dbtrescue.graph.manifest.ArtifactMetadata;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.manifest.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FailureAnalyzerTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static NodeResult result(String dsl, RunStatus status, String invocation, String message) {
        return new NodeResult(
                id(dsl),
                status,
                status.dbtName(),
                Duration.ofSeconds(1),
                Optional.ofNullable(message),
                OptionalLong.empty(),
                Optional.empty(),
                T0,
                "Thread-1",
                OptionalLong.empty(),
                invocation,
                "build");
    }

    private static RunResults run(String invocation, NodeResult... results) {
        var meta = new ArtifactMetadata(
                ArtifactKind.RUN_RESULTS,
                6,
                Optional.of("1.12.6"),
                Optional.of(T0),
                Optional.of(invocation),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        return new RunResults(meta, "build", Optional.empty(), Duration.ofSeconds(9), List.of(results), invocation);
    }

    private static FailureAnalysis analyze(LineageGraph graph, RunResults... runs) {
        return new FailureAnalyzer().analyze(ProjectStatus.of(graph, List.of(runs), List.of(), T0.plusSeconds(60)));
    }

    private final LineageGraph shop = TestGraphs.of(
            "source:raw.orders -> stg_orders -> orders -> revenue -> exposure:kpis",
            "stg_orders -> test:not_null_stg_orders_id",
            "orders -> unit:orders.test_totals",
            "customers -> revenue");

    @Test
    void aFailedModelsRadiusIsItsDownstreamBuildablesAndExposures() {
        Failure f = analyze(
                        shop,
                        run(
                                "i1",
                                result(
                                        "stg_orders",
                                        RunStatus.ERROR,
                                        "i1",
                                        "Database Error in model stg_orders (x.sql)")))
                .failures()
                .get(0);
        assertEquals(new BlastRadius(2, 0, 0, List.of(id("exposure:kpis"))), f.blastRadius());
        assertEquals(ErrorClass.DATABASE, f.errorClass());
    }

    @Test
    void aFailedDataTestBlocksWhatIsDownstreamOfTheNodeItTests() {
        Failure f = analyze(
                        shop,
                        run(
                                "i1",
                                result(
                                        "test:not_null_stg_orders_id",
                                        RunStatus.FAIL,
                                        "i1",
                                        "Got 2 results, configured to fail if != 0")))
                .failures()
                .get(0);
        assertEquals(new BlastRadius(2, 0, 0, List.of(id("exposure:kpis"))), f.blastRadius());
        assertEquals(ErrorClass.TEST, f.errorClass());
    }

    @Test
    void aFailedUnitTestBlocksTheModelItTestsToo() {
        Failure f = analyze(shop, run("i1", result("unit:orders.test_totals", RunStatus.FAIL, "i1", "diff")))
                .failures()
                .get(0);
        assertEquals(new BlastRadius(2, 0, 0, List.of(id("exposure:kpis"))), f.blastRadius());
    }

    @Test
    void skipsAreCausedOnlyByFailuresOfTheSameInvocation() {
        FailureAnalysis analysis = analyze(
                shop,
                run(
                        "i1",
                        result("stg_orders", RunStatus.ERROR, "i1", "Database Error"),
                        result("orders", RunStatus.SKIPPED, "i1", null)),
                run("i2", result("revenue", RunStatus.SKIPPED, "i2", null)));
        assertEquals(
                List.of(
                        new SkipCause(id("orders"), List.of(id("stg_orders"))),
                        new SkipCause(id("revenue"), List.of())),
                analysis.skipCauses());
        assertEquals(List.of(id("orders")), analysis.failures().get(0).skipped());
    }

    @Test
    void aSkipCanHaveSeveralCauses() {
        FailureAnalysis analysis = analyze(
                shop,
                run(
                        "i1",
                        result("orders", RunStatus.ERROR, "i1", "Compilation Error in model orders"),
                        result("customers", RunStatus.ERROR, "i1", "Database Error"),
                        result("revenue", RunStatus.SKIPPED, "i1", null)));
        assertEquals(
                List.of(new SkipCause(id("revenue"), List.of(id("customers"), id("orders")))), analysis.skipCauses());
    }

    @Test
    void aLaterSuccessClearsAFailure() {
        FailureAnalysis analysis = analyze(
                shop,
                run("i1", result("orders", RunStatus.ERROR, "i1", "Database Error")),
                run(
                        "i2",
                        new NodeResult(
                                id("orders"),
                                RunStatus.SUCCESS,
                                "success",
                                Duration.ofSeconds(1),
                                Optional.empty(),
                                OptionalLong.empty(),
                                Optional.empty(),
                                T0.plusSeconds(30),
                                "Thread-1",
                                OptionalLong.empty(),
                                "i2",
                                "run")));
        assertEquals(List.of(), analysis.failures());
    }

    @Test
    void moreThanFiftyDownstreamIsAMajorIncident() {
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            chains.add("hub -> m" + i);
        }
        LineageGraph wide = TestGraphs.of(chains.toArray(String[]::new));
        Failure f = analyze(wide, run("i1", result("hub", RunStatus.ERROR, "i1", "Database Error")))
                .failures()
                .get(0);
        assertEquals(51, f.blastRadius().total());
        assertTrue(f.blastRadius().majorIncident());
        assertFalse(new BlastRadius(50, 0, 0, List.of()).majorIncident());
    }

    @Test
    void failuresAreOrderedByBlastRadius() {
        FailureAnalysis analysis = analyze(
                shop,
                run(
                        "i1",
                        result("revenue", RunStatus.ERROR, "i1", "Database Error"),
                        result("stg_orders", RunStatus.ERROR, "i1", "Database Error")));
        assertEquals(
                List.of(id("stg_orders"), id("revenue")),
                analysis.failures().stream().map(Failure::node).toList());
    }

    @Test
    void aFailureWithoutMessageSaysSo() {
        Failure f = analyze(shop, run("i1", result("orders", RunStatus.ERROR, "i1", null)))
                .failures()
                .get(0);
        assertEquals("error (dbt wrote no message)", f.firstLine());
        assertEquals(ErrorClass.RUNTIME, f.errorClass());
        assertEquals(NodeId.of("model.shop.orders"), f.node());
    }
}
