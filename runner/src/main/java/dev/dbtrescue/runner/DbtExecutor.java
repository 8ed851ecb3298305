// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.nio.file.Path;
import java.util.List;

/**
 * A place where dbt runs: this machine, or a project folder on an SSH host. Thread-safe; one dbt process at a time
 * per project is the runner's job (see the project lock), not the executor's.
 */
public interface DbtExecutor extends AutoCloseable {

    /** The artifact files the runner reads after each batch, in dbt's target folder. */
    List<String> ARTIFACTS = List.of("run_results.json", "manifest.json", "sources.json");

    /** Where dbt runs, for people and the journal: for instance {@code local /work/shop}. Never holds secrets. */
    String description();

    /**
     * A stable key of the project location, for the project lock: two executors with the same key would write the
     * same dbt target folder.
     */
    String locationKey();

    /**
     * Starts a dbt command in the project folder.
     *
     * @throws RunnerException if it cannot be started ({@code PROJECT}, {@code DBT_MISSING}, {@code UNREACHABLE},
     *     {@code IO})
     */
    DbtProcess start(DbtInvocation invocation) throws RunnerException;

    /**
     * Copies dbt's artifacts ({@link #ARTIFACTS}) from the project's target folder into {@code localDir}, skipping
     * those that do not exist, and returns the names copied. Each file is written to a temporary name first and
     * moved in place, so a reader never sees half a file.
     *
     * @throws RunnerException if the target folder cannot be read or {@code localDir} not written
     */
    List<String> fetchArtifacts(Path localDir) throws RunnerException;

    /**
     * Whether a process from an earlier run is still alive on the host (to wait for a dbt that is still ending before
     * resuming).
     *
     * @throws RunnerException if the host cannot be asked
     */
    boolean isAlive(long pid) throws RunnerException;

    /** Releases connections; running processes are stopped. */
    @Override
    void close();
}
