// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.status.BlastRadius;
import dev.dbtrescue.graph.status.ProjectStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The detail pane's one-line summaries: blast radius, attached tests, freshness criteria. Pure. */
final class DetailTexts {

    /** Outcomes named in the tests summary, because someone has to look at them. */
    private static final Set<String> PROBLEMS = Set.of("fail", "error", "warn", "runtime error");

    /** How many problem tests the summary names before it says "…". */
    private static final int NAMED_PROBLEMS = 3;

    /** The order outcomes are counted in, so that summaries read the same for every node. */
    private static final List<String> OUTCOME_ORDER =
            List.of("pass", "fail", "error", "runtime error", "warn", "skipped", "not run");

    private DetailTexts() {}

    /**
     * {@code 14 models, 1 snapshot downstream · 2 exposures: weekly_kpis, finance_dash}. Empty for a healthy node with
     * nothing downstream, so the section hides.
     */
    static String blastRadius(BlastRadius radius, boolean failing, LineageGraph graph) {
        if (radius.total() == 0) {
            return failing ? "nothing downstream" : "";
        }
        List<String> built = new ArrayList<>();
        addCount(built, radius.models(), "model");
        addCount(built, radius.snapshots(), "snapshot");
        addCount(built, radius.seeds(), "seed");
        String text = built.isEmpty() ? "nothing built downstream" : String.join(", ", built) + " downstream";
        if (!radius.exposures().isEmpty()) {
            text += " · " + count(radius.exposures().size(), "exposure") + ": "
                    + String.join(
                            ", ",
                            radius.exposures().stream()
                                    .map(e -> graph.node(e).map(Node::name).orElse(e.value()))
                                    .toList());
        }
        return radius.majorIncident()
                ? text + " · major incident (over " + BlastRadius.MAJOR_INCIDENT_THRESHOLD + " downstream)"
                : text;
    }

    /** The data and unit tests whose parents include the node, sorted by name. */
    static List<LinkedNode> tests(LineageGraph graph, ProjectStatus status, NodeId id) {
        return attachedTests(graph, id).stream()
                .map(t -> new LinkedNode(outcome(status, t.id()) + " · " + t.name(), t.id()))
                .toList();
    }

    /** {@code 4 tests: 3 pass, 1 fail (not_null_orders_id)}; empty when no test is attached. */
    static String testsSummary(LineageGraph graph, ProjectStatus status, NodeId id) {
        List<Node> tests = attachedTests(graph, id);
        if (tests.isEmpty()) {
            return "";
        }
        Map<String, Integer> byOutcome = new LinkedHashMap<>();
        OUTCOME_ORDER.forEach(o -> byOutcome.put(o, 0));
        List<String> problems = new ArrayList<>();
        for (Node test : tests) {
            String outcome = outcome(status, test.id());
            byOutcome.merge(outcome, 1, Integer::sum);
            if (PROBLEMS.contains(outcome)) {
                problems.add(test.name());
            }
        }
        List<String> counts = new ArrayList<>();
        byOutcome.forEach((outcome, n) -> {
            if (n > 0) {
                counts.add(n + " " + outcome);
            }
        });
        String named = problems.stream()
                .limit(NAMED_PROBLEMS)
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        if (problems.size() > NAMED_PROBLEMS) {
            named += ", …";
        }
        return count(tests.size(), "test") + ": " + String.join(", ", counts)
                + (named.isEmpty() ? "" : " (" + named + ")");
    }

    /** {@code warn after 1 hour, error after 6 hours}, from a source's {@code freshness} config; empty when none. */
    static String freshnessCriteria(JsonNode freshness) {
        List<String> parts = new ArrayList<>();
        for (String key : List.of("warn_after", "error_after")) {
            JsonNode after = freshness.path(key);
            if (after.path("count").isNumber() && after.path("period").isTextual()) {
                parts.add(key.replace('_', ' ') + " "
                        + count(after.get("count").asInt(), after.get("period").asText()));
            }
        }
        return String.join(", ", parts);
    }

    private static List<Node> attachedTests(LineageGraph graph, NodeId id) {
        return graph.childrenOf(id).stream()
                .map(graph::requireNode)
                .filter(n -> n.type().isTest())
                .sorted(Comparator.comparing(Node::name).thenComparing(Node::id))
                .toList();
    }

    /** dbt's own word for a test's outcome ({@code pass}, {@code fail}, ...), or {@code not run}. */
    private static String outcome(ProjectStatus status, NodeId test) {
        return status.lastResult(test).map(NodeResult::rawStatus).orElse("not run");
    }

    private static void addCount(List<String> parts, int n, String noun) {
        if (n > 0) {
            parts.add(count(n, noun));
        }
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
