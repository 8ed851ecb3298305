// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.manifest.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Expected execution times: the median of each node's recorded times in every loaded run_results file, or a default
 * by resource type and materialization, marked as such, where nothing usable was recorded.
 *
 * <p>A recorded time counts when the node ran to the end: success, pass, warn, no-op, reused, and fail (dbt's
 * outcome for a test whose query ran and found rows). Errors stop early and skips take no time, so they are not used. Pure; immutable.
 */
public final class DurationEstimator {

    private final Map<NodeId, Estimate> measured;
    private final OptionalInt threadsOfLastRun;

    private DurationEstimator(Map<NodeId, Estimate> measured, OptionalInt threadsOfLastRun) {
        this.measured = measured;
        this.threadsOfLastRun = threadsOfLastRun;
    }

    /** No history: every estimate is a default. */
    public static DurationEstimator defaults() {
        return new DurationEstimator(Map.of(), OptionalInt.empty());
    }

    /**
     * Estimates from known times, for what-if planning and tests: each given node takes its time (as if measured
     * once), the others their defaults.
     */
    public static DurationEstimator of(Map<NodeId, Duration> known, OptionalInt threads) {
        Map<NodeId, Estimate> measured = HashMap.newHashMap(known.size());
        known.forEach((id, d) -> measured.put(id, new Estimate(d, Estimate.Source.HISTORY, 1)));
        return new DurationEstimator(Map.copyOf(measured), threads);
    }

    /** Estimates from the given run results, in any order. */
    public static DurationEstimator fromHistory(Collection<RunResults> history) {
        Map<NodeId, List<Duration>> samples = new HashMap<>();
        for (RunResults run : history) {
            for (NodeResult result : run.results()) {
                if (ranToTheEnd(result)) {
                    samples.computeIfAbsent(result.id(), k -> new ArrayList<>()).add(result.executionTime());
                }
            }
        }
        Map<NodeId, Estimate> measured = HashMap.newHashMap(samples.size());
        samples.forEach((id, times) -> {
            times.sort(Comparator.naturalOrder());
            int n = times.size();
            Duration median = n % 2 == 1
                    ? times.get(n / 2)
                    : times.get(n / 2 - 1).plus(times.get(n / 2)).dividedBy(2);
            measured.put(id, new Estimate(median, Estimate.Source.HISTORY, n));
        });
        return new DurationEstimator(Map.copyOf(measured), threadsOf(history));
    }

    /** Outcomes after which the node's query ran to the end; {@code fail} is only ever a test's outcome. */
    private static boolean ranToTheEnd(NodeResult result) {
        return result.status().isSuccess() || result.status() == RunStatus.FAIL;
    }

    /** dbt's worker threads in the newest run: the number of distinct thread names its results carry. */
    private static OptionalInt threadsOf(Collection<RunResults> history) {
        Optional<RunResults> newest = history.stream()
                .max(Comparator.comparing(
                        (RunResults r) -> r.metadata().generatedAt().orElse(Instant.MIN)));
        if (newest.isEmpty() || newest.get().results().isEmpty()) {
            return OptionalInt.empty();
        }
        Set<String> threads = new HashSet<>();
        for (NodeResult result : newest.get().results()) {
            if (!result.threadId().isBlank()) {
                threads.add(result.threadId());
            }
        }
        return threads.isEmpty() ? OptionalInt.empty() : OptionalInt.of(threads.size());
    }

    /** The expected execution time of a node. */
    public Estimate estimate(Node node) {
        Estimate known = measured.get(node.id());
        return known != null ? known : new Estimate(defaultDuration(node), Estimate.Source.DEFAULT, 0);
    }

    /** The number of worker threads the newest loaded run used, when it can be told. */
    public OptionalInt threadsOfLastRun() {
        return threadsOfLastRun;
    }

    /**
     * The default for a node without history. Views are created in seconds, tables and incrementals scan their
     * inputs, snapshots compare every row; tests are single queries; exposures and saved queries do no warehouse work
     * in a build.
     */
    static Duration defaultDuration(Node node) {
        NodeType type = node.type();
        return switch (type) {
            case MODEL ->
                switch (node.config().materialized().orElse("view")) {
                    case "ephemeral" -> Duration.ZERO;
                    case "view" -> Duration.ofSeconds(5);
                    case "incremental" -> Duration.ofMinutes(2);
                    default -> Duration.ofMinutes(1);
                };
            case SEED -> Duration.ofSeconds(20);
            case SNAPSHOT -> Duration.ofSeconds(90);
            case TEST -> Duration.ofSeconds(5);
            case UNIT_TEST -> Duration.ofSeconds(2);
            case FUNCTION -> Duration.ofSeconds(5);
            default -> Duration.ZERO;
        };
    }
}
