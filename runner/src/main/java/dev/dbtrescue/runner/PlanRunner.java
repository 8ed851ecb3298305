// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.plan.PlanJson;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.runner.journal.Journal;
import dev.dbtrescue.runner.journal.JournalHeader;
import dev.dbtrescue.runner.journal.RunJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a rescue plan's batches in order with dbt on one executor, journaling every batch and node result, and
 * resumes a run from its journal.
 *
 * <p>Blocking: {@link #run} and {@link #resume} return when the run ends; events reach the listener on the calling
 * thread as dbt prints them. Cancel from another thread with {@link RunHandle#cancel()}. One run per project location
 * at a time (see {@link ProjectLock}).
 */
public final class PlanRunner {

    private static final Duration ORPHAN_WAIT = Duration.ofSeconds(60);

    private final DbtExecutor executor;
    private final RunStore store;
    private final Clock clock;

    /**
     * @param executor where dbt runs
     * @param store where journals, artifacts and locks are kept
     * @param clock the clock for journal records and plan events
     */
    public PlanRunner(DbtExecutor executor, RunStore store, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs a plan from its first batch, in a new journal.
     *
     * @return how the run ended
     * @throws RunnerException if the run could not start or go on (locked project, dbt missing, host unreachable,
     *     journal not writable); what ran until then is in the journal
     */
    public RunSummary run(RunRequest request, RunListener listener, RunHandle handle) throws RunnerException {
        try {
            return start(request, listener, handle);
        } catch (RunnerException e) {
            throw new Secrets(request.env()).mask(e);
        }
    }

    private RunSummary start(RunRequest request, RunListener listener, RunHandle handle) throws RunnerException {
        String runId = store.newRunId(request.plan().source().project(), clock);
        Path file = store.journal(runId);
        try (ProjectLock lock = ProjectLock.acquire(store.locks(), executor.locationKey(), file)) {
            staleLockNotice(lock, listener);
            JournalHeader header = new JournalHeader(
                    runId,
                    request.project().toString(),
                    executor.description(),
                    executor.locationKey(),
                    request.host(),
                    request.remoteDir(),
                    request.dbtExecutable(),
                    request.policy(),
                    request.retry(),
                    request.env(),
                    PlanJson.write(request.plan()));
            try (RunJournal journal = RunJournal.create(file, header, clock)) {
                try {
                    executor.fetchArtifacts(store.before(runId));
                } catch (RunnerException e) {
                    notify(
                            listener,
                            RunEvent.Level.WARN,
                            "Could not keep a copy of the project's artifacts before" + " the run: " + e.getMessage());
                }
                return new RunSession(executor, store, clock, request, journal, runId, Map.of(), listener, handle)
                        .run(Map.of());
            }
        }
    }

    /**
     * Resumes a run from its journal: records what the interrupted invocation finished (from the run_results.json
     * it wrote, when it got that far), waits for a dbt still ending from the interrupted session, then runs every
     * planned node that has no successful result yet, batch by batch, each exactly once more.
     *
     * @param journal the journal read back
     * @param request the plan (from the journal), the project's current lineage, and the environment (secret values
     *     are not in the journal and must be given again)
     * @throws RunnerException as {@link #run}, and {@code JOURNAL} if the journal belongs to another location
     */
    public RunSummary resume(Journal journal, RunRequest request, RunListener listener, RunHandle handle)
            throws RunnerException {
        try {
            return continueRun(journal, request, listener, handle);
        } catch (RunnerException e) {
            throw new Secrets(request.env()).mask(e);
        }
    }

    private RunSummary continueRun(Journal journal, RunRequest request, RunListener listener, RunHandle handle)
            throws RunnerException {
        JournalHeader header = journal.header();
        if (!header.location().equals(executor.locationKey())) {
            throw new RunnerException(
                    RunnerException.Kind.JOURNAL,
                    "The journal " + journal.file()
                            + " is of a run in " + header.executor() + ", not in " + executor.description()
                            + ": resume it where it ran");
        }
        try (ProjectLock lock = ProjectLock.acquire(store.locks(), executor.locationKey(), journal.file())) {
            staleLockNotice(lock, listener);
            try (RunJournal out = RunJournal.append(journal.file(), clock)) {
                out.sessionStarted("resume");
                Map<String, String> statuses = new HashMap<>(journal.lastStatuses());
                Secrets secrets = new Secrets(request.env());
                for (Journal.Attempt a : journal.unfinished()) {
                    recover(header.runId(), a, journal, out, statuses, secrets, listener);
                }
                Map<Integer, Integer> attempts = new HashMap<>();
                request.plan().batches().forEach(b -> attempts.put(b.number(), journal.lastAttempt(b.number())));
                return new RunSession(executor, store, clock, request, out, header.runId(), statuses, listener, handle)
                        .run(attempts);
            }
        }
    }

    /**
     * The project's lineage for resuming a journal's run. First waits until no dbt of the run's interrupted
     * invocations is still running on the host (a killed runner's dbt is stopped by its wrapper within seconds, but
     * may still be writing the project's artifacts). Then reads the project's manifest; if a dbt killed mid-write left
     * it unreadable, reads the copy kept when the run started.
     *
     * @param project the local project folder
     * @throws RunnerException {@code LOCKED} if an interrupted dbt is still running after a minute, {@code PROJECT}
     *     if neither manifest can be read
     */
    public LineageGraph lineageForResume(Journal journal, Path project, RunListener listener) throws RunnerException {
        for (Journal.Attempt a : journal.unfinished()) {
            if (a.pid().isPresent()) {
                waitForOrphan(a.pid().getAsLong(), listener);
            }
        }
        ArtifactLoader loader = new ArtifactLoader();
        try {
            return LoadedProject.of(loader.loadProject(project), clock.instant())
                    .graph();
        } catch (ArtifactException e) {
            Path saved = store.before(journal.header().runId()).resolve("manifest.json");
            if (!Files.isRegularFile(saved)) {
                throw new RunnerException(RunnerException.Kind.PROJECT, e.getMessage(), e);
            }
            notify(listener, RunEvent.Level.WARN, e.getMessage() + "; using the manifest kept when the run started");
            try {
                return LoadedProject.of(loader.load(saved, List.of(), List.of()), clock.instant())
                        .graph();
            } catch (ArtifactException again) {
                throw new RunnerException(RunnerException.Kind.PROJECT, again.getMessage(), again);
            }
        }
    }

    /** Closes the books on an invocation the runner died in. */
    private void recover(
            String runId,
            Journal.Attempt attempt,
            Journal journal,
            RunJournal out,
            Map<String, String> statuses,
            Secrets secrets,
            RunListener listener)
            throws RunnerException {
        if (attempt.pid().isPresent()) {
            waitForOrphan(attempt.pid().getAsLong(), listener);
        }
        Set<String> recorded = new HashSet<>();
        journal.nodeResults().stream()
                .filter(r -> r.batch() == attempt.batch() && r.attempt() == attempt.attempt())
                .forEach(r -> recorded.add(r.uniqueId()));
        int recovered = 0;
        if (attempt.invocationId().isPresent()) {
            Path dir = store.attemptDir(runId, attempt.batch(), attempt.attempt());
            try {
                executor.fetchArtifacts(dir);
            } catch (RunnerException e) {
                notify(
                        listener,
                        RunEvent.Level.WARN,
                        "Could not fetch the artifacts of the interrupted batch: " + secrets.mask(e.getMessage()));
            }
            for (NodeResult r : ArtifactResults.unseen(
                    dir.resolve("run_results.json"), attempt.invocationId().get(), attempt.nodes(), recorded)) {
                out.nodeFinished(
                        attempt.batch(),
                        attempt.attempt(),
                        r.id().value(),
                        r.rawStatus(),
                        r.executionTime(),
                        secrets.mask(r.message().orElse("")),
                        "artifacts");
                statuses.put(r.id().value(), r.rawStatus());
                recovered++;
            }
        }
        out.batchFinished(attempt.batch(), attempt.attempt(), BatchOutcome.INTERRUPTED, -1, Duration.ZERO);
        notify(
                listener,
                RunEvent.Level.INFO,
                "Batch " + attempt.batch() + " was interrupted: " + recorded.size()
                        + " of its " + attempt.nodes().size() + " nodes have a result"
                        + (recovered > 0 ? " (" + recovered + " read from its run_results.json)" : "")
                        + "; the others run again");
    }

    private void waitForOrphan(long pid, RunListener listener) throws RunnerException {
        if (!executor.isAlive(pid)) {
            return;
        }
        notify(
                listener,
                RunEvent.Level.INFO,
                "Waiting for dbt (pid " + pid + ") from the interrupted session to" + " stop on "
                        + executor.description());
        Instant deadline = clock.instant().plus(ORPHAN_WAIT);
        while (executor.isAlive(pid)) {
            if (clock.instant().isAfter(deadline)) {
                throw new RunnerException(
                        RunnerException.Kind.LOCKED,
                        "dbt from the interrupted session (pid "
                                + pid + ") is still running on " + executor.description() + " after "
                                + ORPHAN_WAIT.toSeconds() + " s: stop it (kill " + pid + ") and resume again");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunnerException(RunnerException.Kind.IO, "Interrupted while waiting for pid " + pid);
            }
        }
    }

    private void staleLockNotice(ProjectLock lock, RunListener listener) {
        lock.staleHolder()
                .ifPresent(h -> notify(
                        listener,
                        RunEvent.Level.WARN,
                        "Cleared a stale lock left by a run that is no longer alive " + h));
    }

    private void notify(RunListener listener, RunEvent.Level level, String text) {
        try {
            listener.onEvent(new RunEvent.LogLine(level, "Runner", Optional.empty(), clock.instant(), text));
        } catch (RuntimeException e) {
            // a broken listener must not stop a run
        }
    }
}
