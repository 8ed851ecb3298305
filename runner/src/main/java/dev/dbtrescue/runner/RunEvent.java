// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened during a run: a dbt log event (parsed from dbt's JSON log) or a step of the plan.
 *
 * <p>dbt events carry dbt's own timestamp ({@code info.ts}); plan events carry the runner's clock. Every event has a
 * human-readable {@link #text()} for a console.
 */
public sealed interface RunEvent {

    /** A line for a human log, without colour codes. */
    String text();

    /** The level of a dbt log line. */
    enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR;

        /** The level named by dbt's {@code info.level}; unknown names read as {@code INFO}. */
        public static Level of(String name) {
            return switch (name) {
                case "debug" -> DEBUG;
                case "warn", "warning" -> WARN;
                case "error" -> ERROR;
                default -> INFO;
            };
        }
    }

    /**
     * dbt started an invocation ({@code MainReportVersion}).
     *
     * @param invocationId dbt's invocation id, which also names the run_results.json this invocation writes
     * @param dbtVersion the version dbt reports, for instance {@code 1.12.6}
     * @param at dbt's timestamp
     * @param text the log line
     */
    record InvocationStarted(String invocationId, String dbtVersion, Instant at, String text) implements RunEvent {}

    /**
     * A node started executing ({@code LogStartLine}).
     *
     * @param uniqueId the node's unique_id
     * @param name the node name
     * @param resourceType dbt's resource type, for instance {@code model}
     * @param at dbt's timestamp
     * @param text the log line
     */
    record NodeStarted(String uniqueId, String name, String resourceType, Instant at, String text)
            implements RunEvent {}

    /**
     * A node finished ({@code LogModelResult}, {@code LogTestResult}, {@code LogSeedResult}, {@code SkippingDetails}
     * and the other result events).
     *
     * @param uniqueId the node's unique_id
     * @param name the node name
     * @param resourceType dbt's resource type
     * @param status the final node status as dbt writes it to run_results.json ({@code success}, {@code error},
     *     {@code pass}, {@code fail}, {@code warn}, {@code skipped}, {@code no-op}, ...)
     * @param executionTime how long the node ran, zero for skipped nodes
     * @param at dbt's timestamp
     * @param text the log line
     */
    record NodeFinished(
            String uniqueId,
            String name,
            String resourceType,
            String status,
            Duration executionTime,
            Instant at,
            String text)
            implements RunEvent {

        /** True for statuses that count as done: success, pass, warn, no-op, reused. */
        public boolean succeeded() {
            return RunSession.succeeded(status);
        }
    }

    /**
     * A dbt log line worth showing: warnings, errors, and the informational lines of a run (summary, stats).
     *
     * @param level the line's level
     * @param name dbt's event name ({@code info.name}), stable across versions
     * @param uniqueId the node the line is about, when it is about one
     * @param at dbt's timestamp
     * @param text the log line
     */
    record LogLine(Level level, String name, Optional<String> uniqueId, Instant at, String text) implements RunEvent {}

    /**
     * dbt finished the invocation's work and printed its totals ({@code StatsLine}).
     *
     * @param stats the counts by kind ({@code pass}, {@code warn}, {@code error}, {@code skip}, {@code total}, ...)
     * @param at dbt's timestamp
     * @param text the log line
     */
    record InvocationCompleted(Map<String, Integer> stats, Instant at, String text) implements RunEvent {
        public InvocationCompleted {
            stats = Map.copyOf(stats);
        }
    }

    /**
     * A line that is not a known dbt event: plain output, or a JSON event this parser does not interpret.
     *
     * @param eventName dbt's event name for a JSON line, when it has one
     * @param text the text (the event's message for JSON lines, the line itself otherwise)
     */
    record RawLine(Optional<String> eventName, String text) implements RunEvent {}

    /**
     * A batch's dbt invocation is starting.
     *
     * @param batch the batch number in the plan
     * @param attempt 1 for the first try, 2 for the automatic retry, higher after resumes
     * @param nodes the node ids the invocation is meant to run
     * @param command the dbt arguments, without the executable (secrets are never part of them)
     * @param at the runner's clock
     */
    record BatchStarted(int batch, int attempt, List<String> nodes, List<String> command, Instant at)
            implements RunEvent {
        public BatchStarted {
            nodes = List.copyOf(nodes);
            command = List.copyOf(command);
        }

        @Override
        public String text() {
            return "Batch " + batch + (attempt > 1 ? " (attempt " + attempt + ")" : "") + ": dbt "
                    + String.join(" ", command);
        }
    }

    /**
     * A batch's dbt invocation ended.
     *
     * @param batch the batch number
     * @param attempt the attempt
     * @param outcome how it ended
     * @param exitCode dbt's exit code, -1 when there is none (cancelled, connection lost)
     * @param elapsed wall time
     * @param at the runner's clock
     * @param text what happened, for people
     */
    record BatchFinished(
            int batch, int attempt, BatchOutcome outcome, int exitCode, Duration elapsed, Instant at, String text)
            implements RunEvent {}

    /**
     * Nodes of a batch will not run.
     *
     * @param batch the batch number
     * @param nodes the nodes left out
     * @param reason why, for people
     * @param at the runner's clock
     */
    record BatchSkipped(int batch, List<String> nodes, String reason, Instant at) implements RunEvent {
        public BatchSkipped {
            nodes = List.copyOf(nodes);
        }

        @Override
        public String text() {
            return "Batch " + batch + ": " + nodes.size() + " nodes not run: " + reason;
        }
    }

    /**
     * The whole run ended.
     *
     * @param summary what finished and how
     */
    record RunFinished(RunSummary summary) implements RunEvent {
        public RunFinished {
            Objects.requireNonNull(summary, "summary");
        }

        @Override
        public String text() {
            return summary.text();
        }
    }
}
