// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.RunStatus;
import dev.dbtrescue.graph.plan.Batch;
import dev.dbtrescue.graph.plan.BatchFlag;
import dev.dbtrescue.graph.plan.DbtCommand;
import dev.dbtrescue.graph.plan.DbtVerb;
import dev.dbtrescue.graph.plan.DurationEstimator;
import dev.dbtrescue.graph.plan.ExactSelectors;
import dev.dbtrescue.graph.plan.PlanningException;
import dev.dbtrescue.graph.plan.RerunPlanner;
import dev.dbtrescue.runner.internal.AtomicFiles;
import dev.dbtrescue.runner.journal.RunJournal;
import dev.dbtrescue.runner.log.DbtLogParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
            List<String> todo = unsucceeded(resultNodes(batch));
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
            BatchOutcome result = new Attempt(batch, todo, attempt).run();
            List<String> again = unsucceeded(todo);
            if (result == BatchOutcome.FAILED && request.retry() && !handle.isCancelled() && !again.isEmpty()) {
                emit(new RunEvent.LogLine(
                        RunEvent.Level.INFO,
                        "Retry",
                        Optional.empty(),
                        clock.instant(),
                        "Retrying batch " + batch.number() + " once with its " + again.size()
                                + " nodes that did not succeed"));
                result = new Attempt(batch, again, attempt + 1).run();
            }
            if (result.interrupted()) {
                outcome = result == BatchOutcome.CANCELLED ? RunOutcome.CANCELLED : RunOutcome.CONNECTION_LOST;
                break;
            }
            if (result == BatchOutcome.ERROR) {
                outcome = RunOutcome.ERROR;
                break;
            }
            for (String id : unsucceeded(todo)) {
                anyFailed = true;
                markFailed(id);
            }
        }
        return finish(start, outcome);
    }

    private RunSummary finish(Instant start, RunOutcome interrupted) throws RunnerException {
        List<String> notRun = new ArrayList<>();
        Map<String, String> planned = new LinkedHashMap<>();
        for (Batch batch : request.plan().batches()) {
            for (String id : resultNodes(batch)) {
                String status = statuses.get(id);
                if (status == null) {
                    notRun.add(id);
                } else {
                    planned.put(id, status);
                }
            }
        }
        RunOutcome outcome = interrupted;
        if (outcome == null) {
            boolean allDone = notRun.isEmpty() && planned.values().stream().allMatch(RunSession::succeeded);
            outcome = allDone ? RunOutcome.SUCCEEDED : RunOutcome.FAILED;
        }
        Duration elapsed = Duration.between(start, clock.instant());
        journal.runFinished(outcome, elapsed);
        RunSummary summary = new RunSummary(outcome, planned, notRun, journal.file(), elapsed);
        emit(new RunEvent.RunFinished(summary));
        return summary;
    }

    /** True for a status after which a node needs no rerun. */
    static boolean succeeded(String status) {
        return RunStatus.fromDbt(status).isSuccess();
    }

    /**
     * The batch's nodes that report a result: all but ephemeral models, which dbt compiles into their consumers and
     * never reports, so they are never waited for (nor rerun alone).
     */
    private List<String> resultNodes(Batch batch) {
        return batch.ids().stream()
                .filter(id -> !graph.node(id).map(Node::isEphemeral).orElse(false))
                .map(NodeId::value)
                .toList();
    }

    private List<String> unsucceeded(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (!succeeded(statuses.getOrDefault(id, ""))) {
                out.add(id);
            }
        }
        return out;
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
        return todo.stream()
                .filter(id -> graph.contains(new NodeId(id)) && below.get(graph.indexOf(new NodeId(id))))
                .toList();
    }

    private void markFailed(String id) {
        NodeId node = new NodeId(id);
        if (!graph.contains(node)) {
            return;
        }
        int index = graph.indexOf(node);
        NodeType type = graph.nodeAt(index).type();
        if (!type.isTest()) {
            failedRoots.set(index);
        } else if (request.plan().options().verb() == DbtVerb.BUILD) {
            for (int parent : graph.parentIndices(index)) {
                failedRoots.set(parent);
            }
        }
    }

    /** Journals and reports an event, with every secret masked. */
    private void emit(RunEvent event) {
        try {
            listener.onEvent(secrets.mask(event));
        } catch (RuntimeException e) {
            // a broken listener must not stop a run against production
        }
    }

    /** One dbt invocation for some nodes of a batch, and everything it reports. */
    private final class Attempt {
        private final Batch batch;
        private final List<String> nodes;
        private final int number;
        private final Set<String> seen = new HashSet<>();
        private final Instant started = clock.instant();
        private String invocation;
        private boolean pidRecorded;

        Attempt(Batch batch, List<String> nodes, int number) {
            this.batch = batch;
            this.nodes = nodes;
            this.number = number;
        }

        BatchOutcome run() throws RunnerException {
            List<String> arguments = new ArrayList<>(command().arguments());
            arguments.addAll(LOG_FLAGS);
            List<String> shown = secrets.mask(arguments);
            journal.batchStarted(batch.number(), number, nodes, shown);
            emit(new RunEvent.BatchStarted(batch.number(), number, nodes, shown, started));
            DbtProcess process;
            try {
                process = executor.start(new DbtInvocation(request.dbtExecutable(), arguments, request.env()));
            } catch (RunnerException e) {
                end(BatchOutcome.ERROR, -1, e.getMessage());
                throw e;
            }
            handle.attach(process);
            int exit = -1;
            BatchOutcome outcome;
            try {
                exit = process.await(line -> onLine(process, line));
                outcome = handle.isCancelled()
                        ? BatchOutcome.CANCELLED
                        : exit == 0 ? BatchOutcome.SUCCEEDED : exit == 1 ? BatchOutcome.FAILED : BatchOutcome.ERROR;
            } catch (RunnerException e) {
                if (e.kind() != RunnerException.Kind.CONNECTION_LOST) {
                    end(BatchOutcome.ERROR, -1, e.getMessage());
                    throw e;
                }
                outcome = BatchOutcome.CONNECTION_LOST;
                emit(new RunEvent.LogLine(
                        RunEvent.Level.ERROR, "ConnectionLost", Optional.empty(), clock.instant(), e.getMessage()));
            } finally {
                handle.detach();
            }
            if (outcome != BatchOutcome.CONNECTION_LOST) {
                reconcile();
            }
            end(outcome, exit, describe(outcome, exit));
            return outcome;
        }

        private DbtCommand command() throws RunnerException {
            if (number == 1 && nodes.equals(resultNodes(batch))) {
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

        private void onLine(DbtProcess process, String raw) throws RunnerException {
            if (!pidRecorded && process.pid().isPresent()) {
                pidRecorded = true;
                journal.process(batch.number(), number, process.pid().getAsLong());
            }
            RunEvent event = secrets.mask(parser.parse(raw));
            switch (event) {
                case RunEvent.InvocationStarted s -> {
                    invocation = s.invocationId();
                    journal.invocation(batch.number(), number, s.invocationId());
                }
                case RunEvent.NodeFinished f -> {
                    if (seen.add(f.uniqueId())) {
                        statuses.put(f.uniqueId(), f.status());
                        journal.nodeFinished(
                                batch.number(), number, f.uniqueId(), f.status(), f.executionTime(), f.text(), "log");
                    }
                }
                default -> {}
            }
            emit(event);
        }

        /**
         * Fetches the invocation's artifacts and takes the results dbt wrote to run_results.json but did not log
         * (fail-fast skips, skips after a failing hook or ephemeral parent).
         */
        private void reconcile() throws RunnerException {
            Path dir = store.attemptDir(runId, batch.number(), number);
            try {
                List<String> copied = executor.fetchArtifacts(dir);
                if (request.artifactsDir().isPresent()) {
                    for (String name : copied) {
                        AtomicFiles.copy(
                                dir.resolve(name), request.artifactsDir().get().resolve(name));
                    }
                }
            } catch (RunnerException | IOException e) {
                emit(new RunEvent.LogLine(
                        RunEvent.Level.WARN,
                        "ArtifactsNotFetched",
                        Optional.empty(),
                        clock.instant(),
                        "Could not fetch dbt's artifacts after batch " + batch.number() + ": " + e.getMessage()));
                return;
            }
            if (invocation == null) {
                return;
            }
            for (NodeResult r : ArtifactResults.unseen(dir.resolve("run_results.json"), invocation, nodes, seen)) {
                String id = r.id().value();
                String message = secrets.mask(r.message().orElse(""));
                statuses.put(id, r.rawStatus());
                journal.nodeFinished(
                        batch.number(), number, id, r.rawStatus(), r.executionTime(), message, "artifacts");
                Optional<Node> node = graph.node(r.id());
                emit(new RunEvent.NodeFinished(
                        id,
                        node.map(Node::name).orElse(""),
                        node.map(n -> n.type().dbtName()).orElse(""),
                        r.rawStatus(),
                        r.executionTime(),
                        clock.instant(),
                        id + " " + r.rawStatus() + (message.isEmpty() ? "" : ": " + message)));
            }
        }

        private void end(BatchOutcome outcome, int exit, String text) throws RunnerException {
            Duration elapsed = Duration.between(started, clock.instant());
            journal.batchFinished(batch.number(), number, outcome, exit, elapsed);
            emit(new RunEvent.BatchFinished(batch.number(), number, outcome, exit, elapsed, clock.instant(), text));
        }
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
}
