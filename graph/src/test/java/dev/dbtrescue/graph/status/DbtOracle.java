// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.RunStatus;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assertions that compare our reading of a run with what dbt wrote in its artifacts, read independently as whole
 * JSON trees. Shared by the tests on committed artifacts and the integration test that runs dbt.
 */
final class DbtOracle {

    private DbtOracle() {}

    static Map<String, JsonNode> resultsById(Path runResults) {
        Map<String, JsonNode> byId = new HashMap<>();
        Fixtures.tree(runResults)
                .path("results")
                .forEach(r -> byId.put(r.path("unique_id").asText(), r));
        return byId;
    }

    static Set<String> withStatus(Map<String, JsonNode> results, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        Set<String> ids = new TreeSet<>();
        results.forEach((id, r) -> {
            if (wanted.contains(r.path("status").asText())) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Every result of {@code runResults} is read with dbt's status, message, failures, time and command. */
    static void assertResultsAsWritten(LoadedProject project, Path runResults, String command) {
        Map<String, JsonNode> expected = resultsById(runResults);
        assertEquals(expected.size(), project.status().latestResults().size());
        expected.forEach((id, r) -> {
            NodeResult actual = project.status().lastResult(NodeId.of(id)).orElseThrow();
            assertEquals(r.path("status").asText(), actual.rawStatus(), id);
            assertEquals(RunStatus.fromDbt(r.path("status").asText()), actual.status(), id);
            assertEquals(
                    r.path("message").isTextual() ? r.path("message").asText() : null,
                    actual.message().orElse(null),
                    id);
            assertEquals(
                    r.path("failures").isNumber()
                            ? OptionalLong.of(r.path("failures").asLong())
                            : OptionalLong.empty(),
                    actual.failures(),
                    id);
            assertEquals(
                    Math.round(r.path("execution_time").asDouble() * 1e9),
                    actual.executionTime().toNanos(),
                    id);
            assertEquals(command, actual.command(), id);
        });
    }

    /**
     * The skips we attribute are exactly the nodes dbt skipped, every cause is a node dbt reported as failed, and
     * predicting the skips from the graph alone (each failure's downstream) gives dbt's set.
     */
    static void assertSkipsAsDbtDecided(FailureAnalysis analysis, Path runResults) {
        Map<String, JsonNode> results = resultsById(runResults);
        Set<String> dbtSkipped = withStatus(results, "skipped");
        Set<String> dbtFailed = withStatus(results, "error", "fail", "runtime error");
        Set<String> explained = new TreeSet<>();
        for (SkipCause cause : analysis.skipCauses()) {
            assertTrue(!cause.causes().isEmpty(), cause.skipped() + " has no cause");
            cause.causes().forEach(c -> assertTrue(dbtFailed.contains(c.value()), c + " did not fail"));
            explained.add(cause.skipped().value());
        }
        assertEquals(dbtSkipped, explained);
        Set<String> predicted = new TreeSet<>();
        for (Failure f : analysis.failures()) {
            if (f.errorClass() != ErrorClass.FRESHNESS) {
                f.skipped().forEach(id -> predicted.add(id.value()));
            }
        }
        assertEquals(dbtSkipped, predicted);
    }
}
