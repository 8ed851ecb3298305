// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.plan.Batch;
import dev.dbtrescue.graph.plan.BatchFlag;
import dev.dbtrescue.graph.plan.DbtCommand;
import dev.dbtrescue.graph.plan.DbtVerb;
import dev.dbtrescue.graph.plan.DurationEstimator;
import dev.dbtrescue.graph.plan.ExactSelectors;
import dev.dbtrescue.graph.plan.PlanningException;
import dev.dbtrescue.graph.plan.RerunPlanner;
import dev.dbtrescue.runner.internal.RunResultsFile;
import dev.dbtrescue.runner.journal.RunJournal;
import dev.dbtrescue.runner.log.DbtLogParser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One session of a run: the batches that still have work, in order, under the failure policy. */
final class RunSession {

    /** Global log flags added to every batch: JSON events on the console; dbt's file log stays as configured. */
    static final List<String> LOG_FLAGS = List.of("--log-format", "json", "--no-use-colors", "--log-level", "info");

    private final DbtExecutor executor;
    private final RunStore store;
    private final Clock clock;
    private final RunRequest request;
    private final RunJournal journal;
    private final String runId;
    private final RunListener listener;
    private final RunHandle handle;
    private final Secrets secrets;
    private final DbtLogParser parser = new DbtLogParser();
    private final RerunPlanner planner;
    private final LineageGraph graph;
    /** Last status per node over all sessions. */
    private final Map<String, String> statuses;
    /** Non-succeeded nodes of this session, as graph indices, whose descendants the CONTINUE policy leaves out. */
    private final BitSet failedRoots;

    private boolean anyFailed;

    RunSession(
            DbtExecutor executor,
            RunStore store,
            Clock clock,
            RunRequest request,
            RunJournal journal,
            String runId,
            Map<String, String> statuses,
            RunListener listener,
            RunHandle handle) {
        this.executor = executor;
        this.store = store;
        this.clock = clock;
        this.request = request;
        this.journal = journal;
        this.runId = runId;
        this.listener = listener;
        this.handle = handle;
        this.secrets = new Secrets(request.env());
        this.graph = request.graph();
        this.planner = new RerunPlanner(ExactSelectors.of(graph), DurationEstimator.defaults());
        this.statuses = new LinkedHashMap<>(statuses);
        this.failedRoots = new BitSet(graph.size());
    }

    /** Runs every batch that has nodes without a successful result, and returns how the session ended. */
    RunSummary run(Map<Integer, Integer> lastAttempts) throws RunnerException {
        Instant start = clock.instant();
        RunOutcome outcome = null;
        for (Batch batch : request.plan().batches()) {
            List<String> todo = new ArrayList<>();
            for (NodeId id : batch.ids()) {
                if (producesResult(id) && !NodeStatuses.succeeded(statuses.getOrDefault(id.value(), ""))) {
                    todo.add(id.value());
                }
            }
            if (todo.isEmpty()) {
                continue;
            }
            if (handle.isCancelled()) {
                outcome = RunOutcome.CANCELLED;
                break;
            }
            if (anyFailed && request.policy() == FailurePolicy.STOP) {
                skip(batch.number(), todo, "an earlier batch failed and the policy is to stop");
                continue;
            }
            List<String> blocked = blocked(todo);
            if (!blocked.isEmpty()) {
                skip(batch.number(), blocked, "they depend on a node that failed in this run");
                todo.removeAll(blocked);
                if (todo.isEmpty()) {
                    continue;
                }
            }
            int attempt = lastAttempts.getOrDefault(batch.number(), 0) + 1;
            BatchOutcome result = attempt(batch, todo, attempt);
            if (result == BatchOutcome.FAILED && request.retry() && !handle.isCancelled()) {
                List<String> again = todo.stream()
                        .filter(id -> !NodeStatuses.succeeded(statuses.getOrDefault(id, "")))
                        .toList();
                if (!again.isEmpty()) {
                    emit(new RunEvent.LogLine(
                            RunEvent.Level.INFO,
                            "Retry",
                            Optional.empty(),
                            clock.instant(),
                            "Retrying batch " + batch.number() + " once with its " + again.size()
                                    + " nodes that did not succeed"));
                    result = attempt(batch, again, attempt + 1);
                }
            }
            if (result.interrupted()) {
                outcome = result == BatchOutcome.CANCELLED ? RunOutcome.CANCELLED : RunOutcome.CONNECTION_LOST;
                break;
            }
            if (result == BatchOutcome.ERROR) {
                outcome = RunOutcome.ERROR;
                break;
            }
            for (String id : todo) {
                if (!NodeStatuses.succeeded(statuses.getOrDefault(id, ""))) {
                    anyFailed = true;
                    markFailed(id);
                }
            }
        }
        List<String> notRun = new ArrayList<>();
        Map<String, String> planned = new LinkedHashMap<>();
        for (Batch batch : request.plan().batches()) {
            for (NodeId id : batch.ids()) {
                String status = statuses.get(id.value());
                if (!producesResult(id)) {
                    continue;
                }
                if (status == null) {
                    notRun.add(id.value());
                } else {
                    planned.put(id.value(), status);
                }
            }
        }
        if (outcome == null) {
            boolean allDone = notRun.isEmpty() && planned.values().stream().allMatch(NodeStatuses::succeeded);
            outcome = allDone ? RunOutcome.SUCCEEDED : RunOutcome.FAILED;
        }
        Duration elapsed = Duration.between(start, clock.instant());
        journal.runFinished(outcome, elapsed);
        RunSummary summary = new RunSummary(outcome, planned, notRun, journal.file(), elapsed);
        emit(new RunEvent.RunFinished(summary));
        return summary;
    }

    /**
     * False for ephemeral models: dbt compiles them into their consumers and reports no result of their own, so they
     * are never waited for (nor rerun alone).
     */
    private boolean producesResult(NodeId id) {
        return graph.node(id)
                .map(n -> n.type() != NodeType.MODEL
                        || !n.config().materialized().orElse("view").equals("ephemeral"))
                .orElse(true);
    }

    private void skip(int batch, List<String> nodes, String reason) throws RunnerException {
        journal.batchSkipped(batch, nodes, reason);
        emit(new RunEvent.BatchSkipped(batch, nodes, reason, clock.instant()));
    }

    /**
     * The nodes left out under CONTINUE: descendants of a node that did not succeed in this session; with
     * {@code dbt build}, a failed test also holds back the descendants of the nodes it tests, as dbt itself does.
     */
    private List<String> blocked(List<String> todo) {
        if (failedRoots.isEmpty()) {
            return List.of();
        }
        BitSet below = graph.descendants(failedRoots, LineageGraph.UNLIMITED);
        List<String> out = new ArrayList<>();
        for (String id : todo) {
            NodeId node = new NodeId(id);
            if (graph.contains(node) && below.get(graph.indexOf(node))) {
                out.add(id);
            }
        }
        return out;
    }

    private void markFailed(String id) {
        NodeId node = new NodeId(id);
        if (!graph.contains(node)) {
            return;
        }
        int index = graph.indexOf(node);
        NodeType type = graph.nodeAt(index).type();
        if (type.isTest()) {
            if (request.plan().options().verb() == DbtVerb.BUILD) {
                for (int parent : graph.parentIndices(index)) {
                    failedRoots.set(parent);
                }
            }
        } else {
            failedRoots.set(index);
        }
    }

    /** Runs one dbt invocation for {@code nodes} of a batch and records everything it reports. */
    private BatchOutcome attempt(Batch batch, List<String> nodes, int attempt) throws RunnerException {
        DbtCommand command = command(batch, nodes, attempt);
        List<String> arguments = new ArrayList<>(command.arguments());
        arguments.addAll(LOG_FLAGS);
        List<String> shown = secrets.mask(arguments);
        journal.batchStarted(batch.number(), attempt, nodes, shown);
        emit(new RunEvent.BatchStarted(batch.number(), attempt, nodes, shown, clock.instant()));
        Instant started = clock.instant();
        Set<String> seen = new HashSet<>();
        String[] invocation = {null};
        BatchOutcome outcome;
        int exit = -1;
        DbtProcess process;
        try {
            process = executor.start(new DbtInvocation(request.dbtExecutable(), arguments, request.env()));
        } catch (RunnerException e) {
            finish(batch.number(), attempt, BatchOutcome.ERROR, -1, started, secrets.mask(e.getMessage()));
            throw new RunnerException(e.kind(), secrets.mask(e.getMessage()));
        }
        handle.attach(process);
        boolean[] pidRecorded = {false};
        try {
            exit = process.await(line -> onLine(batch.number(), attempt, process, pidRecorded, invocation, seen, line));
            outcome = handle.isCancelled()
                    ? BatchOutcome.CANCELLED
                    : exit == 0 ? BatchOutcome.SUCCEEDED : exit == 1 ? BatchOutcome.FAILED : BatchOutcome.ERROR;
        } catch (JournalFailure e) {
            process.cancel(Duration.ofSeconds(10));
            throw e.cause();
        } catch (RunnerException e) {
            if (e.kind() != RunnerException.Kind.CONNECTION_LOST) {
                finish(batch.number(), attempt, BatchOutcome.ERROR, -1, started, secrets.mask(e.getMessage()));
                throw new RunnerException(e.kind(), secrets.mask(e.getMessage()));
            }
            outcome = BatchOutcome.CONNECTION_LOST;
            emit(new RunEvent.LogLine(
                    RunEvent.Level.ERROR,
                    "ConnectionLost",
                    Optional.empty(),
                    clock.instant(),
                    secrets.mask(e.getMessage())));
        } finally {
            handle.detach();
        }
        if (outcome != BatchOutcome.CONNECTION_LOST) {
            reconcile(batch.number(), attempt, nodes, invocation[0], seen);
        }
        finish(batch.number(), attempt, outcome, exit, started, describe(outcome, exit));
        return outcome;
    }

    private DbtCommand command(Batch batch, List<String> nodes, int attempt) throws RunnerException {
        if (attempt == 1 && nodes.size() == batch.nodes().size()) {
            return batch.command();
        }
        try {
            return planner.commandFor(
                    nodes.stream().map(NodeId::new).toList(),
                    request.plan().options(),
                    batch.flags().contains(BatchFlag.FULL_REFRESH));
        } catch (PlanningException e) {
            throw new RunnerException(RunnerException.Kind.JOURNAL, e.getMessage(), e);
        }
    }

    private void onLine(
            int batch,
            int attempt,
            DbtProcess process,
            boolean[] pidRecorded,
            String[] invocation,
            Set<String> seen,
            String raw) {
        try {
            if (!pidRecorded[0] && process.pid().isPresent()) {
                pidRecorded[0] = true;
                journal.process(batch, attempt, process.pid().getAsLong());
            }
            RunEvent event = parser.parse(secrets.mask(raw));
            switch (event) {
                case RunEvent.InvocationStarted s -> {
                    invocation[0] = s.invocationId();
                    journal.invocation(batch, attempt, s.invocationId());
                }
                case RunEvent.NodeFinished f -> {
                    if (seen.add(f.uniqueId())) {
                        statuses.put(f.uniqueId(), f.status());
                        journal.nodeFinished(
                                batch, attempt, f.uniqueId(), f.status(), f.executionTime(), f.text(), "log");
                    }
                }
                default -> {}
            }
            emit(event);
        } catch (RunnerException e) {
            throw new JournalFailure(e);
        }
    }

    /**
     * Takes the results dbt wrote to run_results.json but did not log (fail-fast skips, skips after a failing hook or
     * ephemeral parent), provided the file is this invocation's.
     */
    private void reconcile(int batch, int attempt, List<String> nodes, String invocation, Set<String> seen)
            throws RunnerException {
        Path dir = store.attemptDir(runId, batch, attempt);
        List<String> copied;
        try {
            copied = executor.fetchArtifacts(dir);
            if (request.artifactsDir().isPresent() && !copied.isEmpty()) {
                for (String name : copied) {
                    java.nio.file.Files.createDirectories(request.artifactsDir().get());
                    java.nio.file.Files.copy(
                            dir.resolve(name),
                            request.artifactsDir().get().resolve(name),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (RunnerException | java.io.IOException e) {
            emit(new RunEvent.LogLine(
                    RunEvent.Level.WARN,
                    "ArtifactsNotFetched",
                    Optional.empty(),
                    clock.instant(),
                    "Could not fetch dbt's artifacts after batch " + batch + ": " + secrets.mask(e.getMessage())));
            return;
        }
        if (invocation == null) {
            return;
        }
        Optional<RunResultsFile> results = RunResultsFile.read(dir.resolve("run_results.json"));
        if (results.isEmpty() || !results.get().invocationId().equals(invocation)) {
            return;
        }
        Set<String> wanted = new LinkedHashSet<>(nodes);
        for (RunResultsFile.Result r : results.get().results()) {
            if (wanted.contains(r.uniqueId()) && seen.add(r.uniqueId())) {
                statuses.put(r.uniqueId(), r.status());
                String message = secrets.mask(r.message());
                journal.nodeFinished(batch, attempt, r.uniqueId(), r.status(), r.executionTime(), message, "artifacts");
                Optional<dev.dbtrescue.graph.Node> node = graph.node(new NodeId(r.uniqueId()));
                emit(new RunEvent.NodeFinished(
                        r.uniqueId(),
                        node.map(dev.dbtrescue.graph.Node::name).orElse(""),
                        node.map(n -> n.type().dbtName()).orElse(""),
                        r.status(),
                        r.executionTime(),
                        clock.instant(),
                        r.uniqueId() + " " + r.status() + (message.isEmpty() ? "" : ": " + message)));
            }
        }
    }

    private void finish(int batch, int attempt, BatchOutcome outcome, int exit, Instant started, String text)
            throws RunnerException {
        Duration elapsed = Duration.between(started, clock.instant());
        journal.batchFinished(batch, attempt, outcome, exit, elapsed);
        emit(new RunEvent.BatchFinished(batch, attempt, outcome, exit, elapsed, clock.instant(), text));
    }

    private static String describe(BatchOutcome outcome, int exit) {
        return switch (outcome) {
            case SUCCEEDED -> "dbt succeeded";
            case FAILED -> "dbt finished with failures (exit 1)";
            case ERROR -> "dbt could not complete (exit " + exit + ")";
            case CANCELLED -> "cancelled: dbt was stopped";
            case CONNECTION_LOST -> "the connection dropped: resume the run from its journal";
            case INTERRUPTED -> "the runner stopped while dbt ran";
        };
    }

    private void emit(RunEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            // a broken listener must not stop a run against production
        }
    }

    /** Carries a journal write failure out of the line callback. */
    static final class JournalFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JournalFailure(RunnerException cause) {
            super(cause);
        }

        RunnerException cause() {
            return (RunnerException) getCause();
        }
    }
}
