// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.plan.PlanViewModel;
import dev.dbtrescue.app.project.ProjectPlace;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.app.project.StateFolder;
import dev.dbtrescue.app.report.ExportViewModel;
import dev.dbtrescue.app.run.RunViewModel;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.plan.DurationEstimator;
import dev.dbtrescue.graph.plan.PlanJson;
import dev.dbtrescue.graph.plan.PlanOptions;
import dev.dbtrescue.graph.plan.PlanSource;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.plan.RerunPlanner;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.runner.FailurePolicy;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.journal.JournalHeader;
import dev.dbtrescue.runner.journal.RunJournal;
import dev.dbtrescue.runner.ssh.SshSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Sessions over the demo's committed artifacts of a real failed dbt build, and an executor that holds tasks until a
 * test runs them.
 */
public final class TestSessions {

    /** A fixed moment after the demo's runs, so ages are stable. */
    public static final Instant NOW = Instant.parse("2026-11-21T21:30:00Z");

    /** The model the demo's failure switch breaks. */
    public static final NodeId FAILED_MODEL = NodeId.of("model.rescue_shop.int_payments_converted");

    private TestSessions() {}

    /** Plan, run and export screens that work on the calling thread, keeping runs under {@code home}. */
    public static Rescue rescue(Path home) {
        return rescue(home, Runnable::run);
    }

    /** As {@link #rescue(Path)}, with plans made on {@code planning}. */
    public static Rescue rescue(Path home, Executor planning) {
        Executor now = Runnable::run;
        return new Rescue(
                new PlanViewModel(planning, now),
                new RunViewModel(
                        new RunStore(home.resolve("data")),
                        SshSettings.defaults(),
                        session -> session,
                        now,
                        now,
                        Clock.systemUTC()),
                new ExportViewModel(now, now, Clock.systemUTC()));
    }

    /** The failed build without state. */
    public static ProjectSession failedBuild() {
        return failedBuild(SelectionState.NONE, Optional.empty(), ProjectPlace.NONE);
    }

    /** The demo's failed build, as if opened from {@code place}. */
    public static ProjectSession failedBuildAt(ProjectPlace place) {
        return failedBuild(SelectionState.NONE, Optional.empty(), place);
    }

    /** The failed build compared with the production manifest of {@code state/prod}. */
    public static ProjectSession failedBuildAgainstProd() {
        Path prod = Fixtures.demo("state/prod");
        try {
            return failedBuild(StateFolder.read(prod, Optional.empty()), Optional.of("state/prod"), ProjectPlace.NONE);
        } catch (ArtifactException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProjectSession failedBuild(SelectionState state, Optional<String> stateOrigin, ProjectPlace place) {
        Path dir = Fixtures.demo("failed-build");
        try {
            var artifacts = new ArtifactLoader()
                    .load(
                            dir.resolve("manifest.json"),
                            List.of(dir.resolve("run_results.json")),
                            List.of(dir.resolve("sources.json")));
            return ProjectSession.of("test", artifacts, state, stateOrigin, NOW, place);
        } catch (ArtifactException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The failed build's failed nodes planned with default options. */
    public static RerunPlan failedPlan(ProjectSession session) throws Exception {
        return new RerunPlanner(session.selectors(), DurationEstimator.defaults())
                .plan(
                        session.presets().failed().nodes(),
                        PlanOptions.defaults(),
                        new PlanSource("rescue_shop", "unknown", Optional.empty(), "failed", "", "", Optional.empty()));
    }

    /** A journal that a run began and never ended (the app was killed): no end-of-run record. */
    public static Path interruptedRun(RunStore store, Path project, RerunPlan plan, String runId) throws Exception {
        Path file = store.journal(runId);
        try (RunJournal journal = RunJournal.create(
                file,
                new JournalHeader(
                        runId,
                        project.toAbsolutePath().normalize().toString(),
                        "local",
                        "local:" + project,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        FailurePolicy.STOP,
                        false,
                        List.of(),
                        PlanJson.write(plan)),
                Clock.systemUTC())) {
            journal.sessionStarted("test");
        }
        return file;
    }

    /** Holds submitted tasks until {@link #runAll()}, to prove work does not run on the caller's thread. */
    public static final class Recording implements Executor {

        /** Tasks not run yet; a delayed request may add to it from another thread. */
        public final List<Runnable> queued = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        /** Runs what was queued so far, in order. */
        public void runAll() {
            List<Runnable> tasks;
            synchronized (queued) {
                tasks = List.copyOf(queued);
                queued.clear();
            }
            tasks.forEach(Runnable::run);
        }
    }
}
