// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtrescue.runner.RunEvent;
import dev.dbtrescue.runner.RunEvent.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one line of dbt's console output into a {@link RunEvent}. Pure and thread-safe.
 *
 * <p>Reads dbt's JSON log format (log_version 3, dbt 1.4 and later, {@code --log-format json}): the event type from
 * {@code info.name}, the node from {@code data.node_info.unique_id} and its state from
 * {@code data.node_info.node_status}, never from the human message, whose wording changes between dbt versions
 * (see <a href="https://docs.getdbt.com/reference/events-logging">dbt's events and logging</a>). The info-level
 * events are enough: {@code LogStartLine} starts a node, the {@code Log*Result} events and {@code SkippingDetails}
 * finish it, {@code StatsLine} closes the invocation. Lines that are not JSON, and JSON events this parser does not
 * know, come back as {@link RunEvent.RawLine}s so nothing dbt prints is lost.
 */
public final class DbtLogParser {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    /** Events that finish a node: the final node_status is set before they fire. */
    private static final Set<String> RESULTS = Set.of(
            "LogModelResult",
            "LogTestResult",
            "LogSeedResult",
            "LogSnapshotResult",
            "LogFreshnessResult",
            "LogNodeNoOpResult",
            "LogFunctionResult",
            "SkippingDetails");

    /** Events a run console shows as log lines; everything else named is passed through as a raw line. */
    private static final Set<String> KNOWN = Set.of(
            "MainReportArgs",
            "FoundStats",
            "ConcurrencyLine",
            "LogHookStartLine",
            "LogHookEndLine",
            "NodeStart",
            "NodeCompiling",
            "NodeExecuting",
            "NodeFinished",
            "LogStartBatch",
            "LogBatchResult",
            "LogSkipBecauseError",
            "CatchableExceptionOnRun",
            "InternalErrorOnRun",
            "GenericExceptionOnRun",
            "MarkSkippedChildren",
            "FinishedRunningStats",
            "EndOfRunSummary",
            "RunResultFailure",
            "RunResultWarning",
            "RunResultError",
            "EndRunResult",
            "MainEncounteredError",
            "CommandCompleted",
            "ResourceReport",
            "NoNodesForSelectionCriteria",
            "NothingToDo",
            "Formatting");

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Parses one line (without its terminator). Never throws: anything it cannot read is a raw line.
     *
     * @return the event the line reports
     */
    public RunEvent parse(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) {
            return new RunEvent.RawLine(Optional.empty(), stripAnsi(line));
        }
        JsonNode root;
        try {
            root = json.readTree(trimmed);
        } catch (JsonProcessingException e) {
            return new RunEvent.RawLine(Optional.empty(), stripAnsi(line));
        }
        JsonNode info = root.path("info");
        String name = info.path("name").asText("");
        if (name.isEmpty()) {
            return new RunEvent.RawLine(Optional.empty(), stripAnsi(line));
        }
        String text = stripAnsi(info.path("msg").asText(""));
        Optional<Instant> at = instant(info.path("ts").asText(""));
        if (at.isEmpty()) {
            return new RunEvent.RawLine(Optional.of(name), text);
        }
        JsonNode data = root.path("data");
        JsonNode node = data.path("node_info");
        String uniqueId = node.path("unique_id").asText("");
        Level level = Level.of(info.path("level").asText("info"));
        if (name.equals("MainReportVersion")) {
            String version = data.path("version").asText("").replaceFirst("^=", "");
            return new RunEvent.InvocationStarted(info.path("invocation_id").asText(""), version, at.get(), text);
        }
        if (name.equals("LogStartLine") && !uniqueId.isEmpty()) {
            return new RunEvent.NodeStarted(
                    uniqueId,
                    node.path("node_name").asText(""),
                    node.path("resource_type").asText(""),
                    at.get(),
                    text);
        }
        if (RESULTS.contains(name) && !uniqueId.isEmpty()) {
            return new RunEvent.NodeFinished(
                    uniqueId,
                    node.path("node_name").asText(""),
                    node.path("resource_type").asText(""),
                    status(name, data, node),
                    seconds(data.path("execution_time").asDouble(0)),
                    at.get(),
                    text);
        }
        if (name.equals("StatsLine")) {
            Map<String, Integer> stats = new LinkedHashMap<>();
            data.path("stats")
                    .properties()
                    .forEach(e -> stats.put(e.getKey(), e.getValue().asInt()));
            return new RunEvent.InvocationCompleted(stats, at.get(), text);
        }
        if (KNOWN.contains(name) || level == Level.WARN || level == Level.ERROR) {
            String about =
                    !uniqueId.isEmpty() ? uniqueId : data.path("unique_id").asText("");
            return new RunEvent.LogLine(
                    level, name, about.isEmpty() ? Optional.empty() : Optional.of(about), at.get(), text);
        }
        return new RunEvent.RawLine(Optional.of(name), text);
    }

    /**
     * The node's final status: {@code node_info.node_status}, which dbt sets before it fires the result event; for
     * the rare event without it, the event's own status field.
     */
    private static String status(String name, JsonNode data, JsonNode node) {
        String status = node.path("node_status").asText("");
        if (!status.isEmpty() && !status.equals("None")) {
            return status;
        }
        if (name.equals("SkippingDetails")) {
            return "skipped";
        }
        String own = data.path("status").asText("");
        return own.isEmpty() ? "error" : own.toLowerCase(Locale.ROOT);
    }

    private static Duration seconds(double value) {
        return value <= 0 ? Duration.ZERO : Duration.ofNanos(Math.round(value * 1e9));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The text without terminal colour and cursor codes. */
    public static String stripAnsi(String text) {
        return text.indexOf('\u001B') < 0 ? text : ANSI.matcher(text).replaceAll("");
    }
}
