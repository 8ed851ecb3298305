// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.it;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.fixtures.RealDbt;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.plan.DurationEstimator;
import dev.dbtrescue.graph.plan.ExactSelectors;
import dev.dbtrescue.graph.plan.PlanOptions;
import dev.dbtrescue.graph.plan.PlanSource;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.plan.RerunPlanner;
import dev.dbtrescue.graph.plan.RescuePresets;
import dev.dbtrescue.graph.select.IndirectSelection;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.runner.EnvVar;
import dev.dbtrescue.runner.RunEvent;
import dev.dbtrescue.runner.RunListener;
import dev.dbtrescue.runner.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real demo project, built once, for runner integration tests: plans made from its own manifest. */
public final class DemoRuns {

    /** Quiet, offline dbt for tests. */
    public static final List<EnvVar> ENV = List.of(
            new EnvVar("DBT_SEND_ANONYMOUS_USAGE_STATS", "false", false),
            new EnvVar("DBT_VERSION_CHECK", "false", false));

    private final RealDbt dbt;
    private final Path executable;

    private DemoRuns(RealDbt dbt, Path executable) {
        this.dbt = dbt;
        this.executable = executable;
    }

    /** Copies the demo into {@code scratch} and builds it once (seeds, models, tests), so batches have parents. */
    public static DemoRuns built(Path scratch) throws Exception {
        RealDbt dbt = RealDbt.demoCopy(scratch);
        RealDbt.Outcome load = dbt.run("run-operation", "load_raw_data");
        if (load.exitCode() != 0) {
            throw new IllegalStateException("the demo's raw data did not load:\n" + load.output());
        }
        RealDbt.Outcome build = dbt.run("build", "--exclude", "resource_type:unit_test");
        if (build.exitCode() != 0) {
            throw new IllegalStateException("the demo did not build:\n" + build.output());
        }
        return new DemoRuns(dbt, RealDbt.install());
    }

    /** The project folder. */
    public Path project() {
        return dbt.project();
    }

    /** The pinned dbt executable. */
    public Path dbt() {
        return executable;
    }

    /** Adds a model file to the project and parses it, so that plans can select it. */
    public void addModel(String relativePath, String sql) throws Exception {
        Path file = project().resolve("models").resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
        RealDbt.Outcome parse = dbt.run("parse");
        if (parse.exitCode() != 0) {
            throw new IllegalStateException("dbt parse failed:\n" + parse.output());
        }
    }

    /** The project as loaded from its current artifacts. */
    public LoadedProject load() throws Exception {
        return LoadedProject.of(new ArtifactLoader().loadProject(project()), Instant.now());
    }

    /** A plan of what {@code select} picks, with {@code options}. */
    public RerunPlan plan(List<String> select, PlanOptions options) throws Exception {
        LoadedProject loaded = load();
        ExactSelectors selectors = ExactSelectors.of(loaded.graph());
        RescuePresets.PresetSelection selection = new RescuePresets(loaded, selectors, SelectionState.NONE)
                .select(select, List.of(), IndirectSelection.EAGER);
        return new RerunPlanner(selectors, DurationEstimator.defaults())
                .plan(
                        selection.nodes(),
                        options,
                        new PlanSource(
                                loaded.artifacts().manifest().projectName(),
                                "test",
                                Optional.empty(),
                                "select",
                                selection.select(),
                                "",
                                Optional.empty()));
    }

    /** A local run request of {@code plan} with the pinned dbt and a quiet environment. */
    public RunRequest request(RerunPlan plan) throws Exception {
        return request(plan, load().graph());
    }

    /** A local run request of {@code plan} on {@code graph} with the pinned dbt and a quiet environment. */
    public RunRequest request(RerunPlan plan, LineageGraph graph) {
        return RunRequest.local(project(), plan, graph)
                .withDbtExecutable(executable.toString())
                .withEnv(ENV);
    }

    /** Collects events. */
    public static class Recorder implements RunListener {
        public final List<RunEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(RunEvent event) {
            events.add(event);
        }

        /** The events of one type. */
        public <T extends RunEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
