// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import dev.dbtrescue.graph.NodeId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One failure as an on-call engineer triages it.
 *
 * @param node the failed node (or stale source)
 * @param outcome dbt's word for it: {@code error}, {@code fail}, {@code runtime error}, {@code partial success}, or
 *     for sources {@code stale} / {@code freshness runtime error}
 * @param errorClass the runbook class
 * @param firstLine the first meaningful line of the message
 * @param detail the next meaningful line (for warehouse errors, the warehouse's message), empty when none
 * @param message the whole message without ANSI codes, when any
 * @param blastRadius what is downstream of it
 * @param skipped the nodes whose latest result is a skip caused by this failure, sorted
 * @param invocationId the invocation that reported it
 */
public record Failure(
        NodeId node,
        String outcome,
        ErrorClass errorClass,
        String firstLine,
        String detail,
        Optional<String> message,
        BlastRadius blastRadius,
        List<NodeId> skipped,
        String invocationId) {

    public Failure {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(errorClass, "errorClass");
        Objects.requireNonNull(firstLine, "firstLine");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(blastRadius, "blastRadius");
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(invocationId, "invocationId");
    }
}
