// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtrescue.runner.BatchOutcome;
import dev.dbtrescue.runner.RunOutcome;
import dev.dbtrescue.runner.RunnerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A journal read back: the header and what every session recorded. A last line cut short by a crash is ignored;
 * anything else unreadable is an error.
 *
 * @param file the journal file
 * @param header what was run and where
 * @param nodeResults every node result, in the order written
 * @param attempts every batch invocation, in the order started
 * @param skipped every skip record, in the order written
 * @param finished whether the last session wrote its {@code run-finished} record
 * @param outcome how the last session ended, as its {@code run-finished} record says; empty when it did not end (the
 *     runner was killed) or the outcome is one this version does not know
 */
public record Journal(
        Path file,
        JournalHeader header,
        List<NodeResult> nodeResults,
        List<Attempt> attempts,
        List<Skip> skipped,
        boolean finished,
        Optional<RunOutcome> outcome) {

    public Journal {
        nodeResults = List.copyOf(nodeResults);
        attempts = List.copyOf(attempts);
        skipped = List.copyOf(skipped);
    }

    /**
     * One node result.
     *
     * @param batch the batch
     * @param attempt the attempt
     * @param uniqueId the node
     * @param status dbt's status
     * @param executionTime how long it ran
     * @param message dbt's message, if any
     * @param source {@code log} or {@code artifacts}
     */
    public record NodeResult(
            int batch,
            int attempt,
            String uniqueId,
            String status,
            Duration executionTime,
            String message,
            String source) {}

    /**
     * One invocation of a batch.
     *
     * @param batch the batch
     * @param attempt the attempt number
     * @param nodes the nodes it was to run
     * @param command the dbt arguments
     * @param pid dbt's pid on its host, once recorded
     * @param invocationId dbt's invocation id, once seen
     * @param outcome how it ended; empty if the journal ends before it did (a crash)
     * @param exitCode dbt's exit code, when it ended
     * @param startedAt when the batch started, when the journal says
     * @param elapsed how long the batch took, once it ended
     */
    public record Attempt(
            int batch,
            int attempt,
            List<String> nodes,
            List<String> command,
            OptionalLong pid,
            Optional<String> invocationId,
            Optional<BatchOutcome> outcome,
            int exitCode,
            Optional<Instant> startedAt,
            Optional<Duration> elapsed) {

        public Attempt {
            nodes = List.copyOf(nodes);
            command = List.copyOf(command);
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        Attempt withPid(long value) {
            return new Attempt(
                    batch,
                    attempt,
                    nodes,
                    command,
                    OptionalLong.of(value),
                    invocationId,
                    outcome,
                    exitCode,
                    startedAt,
                    elapsed);
        }

        Attempt withInvocation(String value) {
            return new Attempt(
                    batch, attempt, nodes, command, pid, Optional.of(value), outcome, exitCode, startedAt, elapsed);
        }

        Attempt withOutcome(BatchOutcome value, int exit, Optional<Duration> took) {
            return new Attempt(
                    batch, attempt, nodes, command, pid, invocationId, Optional.of(value), exit, startedAt, took);
        }
    }

    /**
     * Nodes left out of a batch.
     *
     * @param batch the batch
     * @param nodes the nodes
     * @param reason why
     */
    public record Skip(int batch, List<String> nodes, String reason) {
        public Skip {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * Reads a journal.
     *
     * @throws RunnerException {@code JOURNAL} naming the file and line if it is not a dbt-rescue journal of a
     *     version this code reads
     */
    public static Journal read(Path file) throws RunnerException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RunnerException(
                    RunnerException.Kind.JOURNAL,
                    "The run journal " + file + " does not exist: give the path"
                            + " the run printed (journals live under the dbt-rescue data folder, runs/)");
        } catch (IOException e) {
            throw new RunnerException(
                    RunnerException.Kind.JOURNAL, "Could not read the run journal " + file + ": " + e.getMessage(), e);
        }
        ObjectMapper json = new ObjectMapper();
        JournalHeader header = null;
        List<NodeResult> results = new ArrayList<>();
        Map<String, Attempt> attempts = new LinkedHashMap<>();
        List<Skip> skips = new ArrayList<>();
        boolean finished = false;
        Optional<RunOutcome> outcome = Optional.empty();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode r;
            try {
                r = json.readTree(line);
            } catch (JsonProcessingException e) {
                if (i == lines.size() - 1 && header != null) {
                    break; // the crash cut the last record short
                }
                throw bad(file, i, "is not JSON");
            }
            String type = r.path("type").asText("");
            try {
                if (header == null) {
                    if (!type.equals("run-started")) {
                        throw bad(file, i, "is not a run-started record: this is not a dbt-rescue run journal");
                    }
                    int version = r.path("journal_version").asInt(-1);
                    if (version != RunJournal.VERSION) {
                        throw bad(
                                file,
                                i,
                                "has journal_version " + version + "; this dbt-rescue reads version "
                                        + RunJournal.VERSION);
                    }
                    header = JournalHeader.fromJson(r, json);
                    continue;
                }
                int batch = r.path("batch").asInt();
                int attempt = r.path("attempt").asInt();
                String key = batch + "/" + attempt;
                switch (type) {
                    case "session-started" -> {
                        finished = false;
                        outcome = Optional.empty();
                    }
                    case "batch-started" ->
                        attempts.put(
                                key,
                                new Attempt(
                                        batch,
                                        attempt,
                                        texts(r.path("nodes")),
                                        texts(r.path("command")),
                                        OptionalLong.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        -1,
                                        instant(r.path("at")),
                                        Optional.empty()));
                    case "process" ->
                        attempts.computeIfPresent(
                                key, (k, a) -> a.withPid(r.path("pid").asLong()));
                    case "invocation" ->
                        attempts.computeIfPresent(
                                key,
                                (k, a) ->
                                        a.withInvocation(r.path("invocation_id").asText()));
                    case "node-finished" ->
                        results.add(new NodeResult(
                                batch,
                                attempt,
                                r.path("unique_id").asText(),
                                r.path("status").asText(),
                                Duration.ofNanos(
                                        Math.round(r.path("execution_time").asDouble() * 1e9)),
                                r.path("message").asText(""),
                                r.path("source").asText("log")));
                    case "batch-finished" ->
                        attempts.computeIfPresent(
                                key,
                                (k, a) -> a.withOutcome(
                                        BatchOutcome.valueOf(r.path("outcome").asText()),
                                        r.path("exit_code").asInt(-1),
                                        r.path("elapsed").isNumber()
                                                ? Optional.of(Duration.ofNanos(Math.round(
                                                        r.path("elapsed").asDouble() * 1e9)))
                                                : Optional.empty()));
                    case "batch-skipped" ->
                        skips.add(new Skip(
                                batch, texts(r.path("nodes")), r.path("reason").asText("")));
                    case "run-finished" -> {
                        finished = true;
                        outcome = outcomeOf(r.path("outcome").asText(""));
                    }
                    default -> throw bad(file, i, "has an unknown record type '" + type + "'");
                }
            } catch (IllegalArgumentException | JsonProcessingException e) {
                throw bad(file, i, "cannot be read: " + e.getMessage());
            }
        }
        if (header == null) {
            throw new RunnerException(
                    RunnerException.Kind.JOURNAL, "The run journal " + file + " is empty: the run did not start");
        }
        return new Journal(file, header, results, new ArrayList<>(attempts.values()), skips, finished, outcome);
    }

    private static Optional<RunOutcome> outcomeOf(String name) {
        for (RunOutcome known : RunOutcome.values()) {
            if (known.name().equals(name)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /** A record's time stamp; empty when missing or not an instant (journals are written by us, so only by hand). */
    private static Optional<Instant> instant(JsonNode at) {
        try {
            return at.isTextual() ? Optional.of(Instant.parse(at.asText())) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static RunnerException bad(Path file, int index, String what) {
        return new RunnerException(RunnerException.Kind.JOURNAL, file + ", line " + (index + 1) + " " + what);
    }

    /** The last status of each node over all sessions, by unique_id. */
    public Map<String, String> lastStatuses() {
        Map<String, String> last = new LinkedHashMap<>();
        nodeResults.forEach(r -> last.put(r.uniqueId(), r.status()));
        return last;
    }

    /** The highest attempt number of a batch so far; 0 if it never started. */
    public int lastAttempt(int batch) {
        return attempts.stream()
                .filter(a -> a.batch() == batch)
                .mapToInt(Attempt::attempt)
                .max()
                .orElse(0);
    }

    /** The invocations that have no end record: the runner died while they ran. */
    public List<Attempt> unfinished() {
        return attempts.stream().filter(a -> a.outcome().isEmpty()).toList();
    }
}
