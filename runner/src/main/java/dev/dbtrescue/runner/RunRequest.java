// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.plan.RerunPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan to run and how.
 *
 * @param project the local project folder the plan was made from (recorded in the journal)
 * @param plan the batches to run
 * @param graph the project's lineage, for the failure policy and for commands that run part of a batch
 * @param policy what to do after a failed batch
 * @param retry whether to retry a failed batch once, with only its nodes that did not succeed
 * @param env environment variables for dbt
 * @param dbtExecutable the dbt executable on the host, when not found by the executor
 * @param host the SSH destination as given, when running remotely (recorded for resume)
 * @param remoteDir the remote project folder, when running remotely (recorded for resume)
 * @param artifactsDir where to copy the newest artifacts after each batch, besides the run's own folder (the local
 *     target folder of a remote run, so that the local status view follows the run)
 */
public record RunRequest(
        Path project,
        RerunPlan plan,
        LineageGraph graph,
        FailurePolicy policy,
        boolean retry,
        List<EnvVar> env,
        Optional<String> dbtExecutable,
        Optional<String> host,
        Optional<String> remoteDir,
        Optional<Path> artifactsDir) {

    public RunRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(policy, "policy");
        env = List.copyOf(env);
        Objects.requireNonNull(dbtExecutable, "dbtExecutable");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(remoteDir, "remoteDir");
        Objects.requireNonNull(artifactsDir, "artifactsDir");
    }

    /** A local run with default settings: stop on failure, no retry, no extra environment, dbt found by the host. */
    public static RunRequest local(Path project, RerunPlan plan, LineageGraph graph) {
        return new RunRequest(
                project,
                plan,
                graph,
                FailurePolicy.STOP,
                false,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** This request with another failure policy. */
    public RunRequest withPolicy(FailurePolicy value) {
        return new RunRequest(project, plan, graph, value, retry, env, dbtExecutable, host, remoteDir, artifactsDir);
    }

    /** This request with or without the automatic retry. */
    public RunRequest withRetry(boolean value) {
        return new RunRequest(project, plan, graph, policy, value, env, dbtExecutable, host, remoteDir, artifactsDir);
    }

    /** This request with these environment variables. */
    public RunRequest withEnv(List<EnvVar> value) {
        return new RunRequest(project, plan, graph, policy, retry, value, dbtExecutable, host, remoteDir, artifactsDir);
    }

    /** This request with an explicit dbt executable. */
    public RunRequest withDbtExecutable(String value) {
        return new RunRequest(
                project, plan, graph, policy, retry, env, Optional.of(value), host, remoteDir, artifactsDir);
    }

    /** This request as a remote run. */
    public RunRequest withRemote(String destination, String directory, Path localArtifacts) {
        return new RunRequest(
                project,
                plan,
                graph,
                policy,
                retry,
                env,
                dbtExecutable,
                Optional.of(destination),
                Optional.of(directory),
                Optional.of(localArtifacts));
    }
}
