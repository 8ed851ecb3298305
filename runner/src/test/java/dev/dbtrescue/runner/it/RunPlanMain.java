// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.it;

import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.plan.PlanJson;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.runner.PlanRunner;
import dev.dbtrescue.runner.RunHandle;
import dev.dbtrescue.runner.RunListener;
import dev.dbtrescue.runner.RunRequest;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.local.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/** A runner in a JVM of its own, for the test that kills it: {@code PROJECT DATA PLAN.json DBT}. */
public final class RunPlanMain {

    private RunPlanMain() {}

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        RerunPlan plan = PlanJson.read(args[2], Files.readString(Path.of(args[2])));
        LoadedProject loaded = LoadedProject.of(new ArtifactLoader().loadProject(project), Instant.now());
        RunRequest request = RunRequest.local(project, plan, loaded.graph())
                .withDbtExecutable(args[3])
                .withEnv(DemoRuns.ENV);
        new PlanRunner(new LocalExecutor(project), new RunStore(Path.of(args[1])), Clock.systemUTC())
                .run(request, RunListener.NONE, new RunHandle());
    }
}
