// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code run_results.json}: the outcome of one dbt invocation, results in dbt's completion order.
 *
 * @param metadata the artifact metadata
 * @param command the dbt command ({@code args.which}), {@code unknown} when not recorded
 * @param invocationCommand the command line as typed ({@code args.invocation_command}), when recorded
 * @param elapsed the wall time of the invocation
 * @param results the node results
 * @param source the file or stream name it was read from
 */
public record RunResults(
        ArtifactMetadata metadata,
        String command,
        Optional<String> invocationCommand,
        Duration elapsed,
        List<NodeResult> results,
        String source) {

    public RunResults {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(invocationCommand, "invocationCommand");
        Objects.requireNonNull(elapsed, "elapsed");
        results = List.copyOf(results);
        Objects.requireNonNull(source, "source");
    }

    /** The invocation id from the metadata, {@code unknown} when not recorded. */
    public String invocationId() {
        return metadata.invocationId().orElse("unknown");
    }
}
