// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import dev.dbtrescue.graph.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of {@code run_results.json}'s {@code results}, with the invocation it belongs to.
 *
 * @param id the node
 * @param status the outcome
 * @param rawStatus the status text as dbt wrote it (for {@link RunStatus#UNKNOWN})
 * @param executionTime compile plus execute time
 * @param message the adapter response on success, the error text on error, the test outcome sentence for tests
 * @param failures failing rows of a test, when dbt counted them
 * @param startedAt the start of the first timing phase, when any
 * @param completedAt the end of the last timing phase, or the artifact's {@code generated_at} when the node has no
 *     timing (skipped nodes)
 * @param threadId dbt's worker thread name
 * @param rowsAffected rows affected, when the adapter reported them
 * @param invocationId the invocation that produced this result
 * @param command the dbt command ({@code args.which}: {@code build}, {@code run}, ...)
 */
public record NodeResult(
        NodeId id,
        RunStatus status,
        String rawStatus,
        Duration executionTime,
        Optional<String> message,
        OptionalLong failures,
        Optional<Instant> startedAt,
        Instant completedAt,
        String threadId,
        OptionalLong rowsAffected,
        String invocationId,
        String command) {

    public NodeResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rawStatus, "rawStatus");
        Objects.requireNonNull(executionTime, "executionTime");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(failures, "failures");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(rowsAffected, "rowsAffected");
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(command, "command");
    }
}
