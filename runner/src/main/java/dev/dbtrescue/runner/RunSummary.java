// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a run ended, over all its batches (and earlier sessions of the same journal, after a resume).
 *
 * @param outcome the overall outcome
 * @param nodeStatuses the last status of every planned node that has one, by unique_id, in plan order
 * @param notRun planned nodes that have no result, in plan order (skipped by policy, cancelled before they ran)
 * @param journal the run journal, to resume from
 * @param elapsed the wall time of this session
 */
public record RunSummary(
        RunOutcome outcome, Map<String, String> nodeStatuses, List<String> notRun, Path journal, Duration elapsed) {

    public RunSummary {
        Objects.requireNonNull(outcome, "outcome");
        nodeStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(nodeStatuses));
        notRun = List.copyOf(notRun);
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** dbt's exit code convention: 0 all done, 1 some node did not succeed, 2 the run could not complete. */
    public int exitCode() {
        return outcome.exitCode();
    }

    /** Node counts by status, sorted by status. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        nodeStatuses.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        if (!notRun.isEmpty()) {
            counts.put("not run", notRun.size());
        }
        return counts;
    }

    /** The planned nodes that still need a run: without a result, or whose last result did not succeed. */
    public List<String> remaining() {
        List<String> remaining = new ArrayList<>();
        nodeStatuses.forEach((id, status) -> {
            if (!RunSession.succeeded(status)) {
                remaining.add(id);
            }
        });
        remaining.addAll(notRun);
        return remaining;
    }

    /** One line for people, for instance {@code Run failed: success 12, error 1, skipped 4 (journal ...)}. */
    public String text() {
        StringBuilder b = new StringBuilder(outcome.label());
        String sep = ": ";
        for (Map.Entry<String, Integer> e : counts().entrySet()) {
            b.append(sep).append(e.getKey()).append(' ').append(e.getValue());
            sep = ", ";
        }
        return b.append(" (journal ").append(journal).append(')').toString();
    }
}
