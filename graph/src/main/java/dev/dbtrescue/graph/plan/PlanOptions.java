// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.status.Durations;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the user asks of a plan: the dbt command, the limits per batch, how to split, and the flags each batch's
 * command carries.
 *
 * @param verb the dbt command each batch runs
 * @param split how to cut the selection beyond the limits
 * @param maxNodes at most this many nodes per batch (tests, exposures and saved queries travel with the node they
 *     belong to and do not count), when set
 * @param maxDuration at most this estimated wall time per batch, when set
 * @param heavyThreshold a node whose own estimate is at least this is isolated in a batch of its own, when set
 * @param threads dbt's {@code --threads}: passed on the command only when set; the estimates then use it, otherwise
 *     the thread count of the last run
 * @param fullRefresh nodes to rebuild with {@code --full-refresh}; each is isolated so that the flag touches nothing
 *     else
 * @param target dbt's {@code --target}, when set
 * @param vars dbt's {@code --vars} (a YAML or JSON mapping), when set
 * @param deferState the folder for {@code --defer --state}, when deferring
 * @param favorState adds {@code --favor-state} (needs {@code deferState})
 * @param executable the dbt executable as the commands name it
 */
public record PlanOptions(
        DbtVerb verb,
        SplitMode split,
        OptionalInt maxNodes,
        Optional<Duration> maxDuration,
        Optional<Duration> heavyThreshold,
        OptionalInt threads,
        SortedSet<NodeId> fullRefresh,
        Optional<String> target,
        Optional<String> vars,
        Optional<String> deferState,
        boolean favorState,
        String executable) {

    public PlanOptions {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(maxNodes, "maxNodes");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(heavyThreshold, "heavyThreshold");
        Objects.requireNonNull(threads, "threads");
        fullRefresh = Collections.unmodifiableSortedSet(new TreeSet<>(fullRefresh));
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(vars, "vars");
        Objects.requireNonNull(deferState, "deferState");
        Objects.requireNonNull(executable, "executable");
        if (maxNodes.isPresent() && maxNodes.getAsInt() < 1) {
            throw new IllegalArgumentException(
                    "the maximum number of nodes per batch must be 1 or more, was " + maxNodes.getAsInt());
        }
        maxDuration.ifPresent(d -> requirePositive(d, "the maximum estimated time per batch"));
        heavyThreshold.ifPresent(d -> requirePositive(d, "the heavy-node threshold"));
        if (threads.isPresent() && threads.getAsInt() < 1) {
            throw new IllegalArgumentException("--threads must be 1 or more, was " + threads.getAsInt());
        }
        if (favorState && deferState.isEmpty()) {
            throw new IllegalArgumentException(
                    "--favor-state only applies with --defer: give the state folder to defer" + " to");
        }
        if (executable.isBlank()) {
            throw new IllegalArgumentException("the dbt executable must not be blank");
        }
        target.ifPresent(t -> requireText(t, "--target"));
        vars.ifPresent(v -> requireText(v, "--vars"));
        deferState.ifPresent(s -> requireText(s, "the --state folder for --defer"));
    }

    /** {@code dbt build}, split by lineage, no limits, no flags. */
    public static PlanOptions defaults() {
        return new PlanOptions(
                DbtVerb.BUILD,
                SplitMode.LINEAGE,
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                new TreeSet<>(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                "dbt");
    }

    private static void requirePositive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be more than zero, was " + Durations.format(d));
        }
    }

    private static void requireText(String value, String what) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    public PlanOptions withVerb(DbtVerb value) {
        return new PlanOptions(
                value,
                split,
                maxNodes,
                maxDuration,
                heavyThreshold,
                threads,
                fullRefresh,
                target,
                vars,
                deferState,
                favorState,
                executable);
    }

    public PlanOptions withSplit(SplitMode value) {
        return new PlanOptions(
                verb,
                value,
                maxNodes,
                maxDuration,
                heavyThreshold,
                threads,
                fullRefresh,
                target,
                vars,
                deferState,
                favorState,
                executable);
    }

    public PlanOptions withMaxNodes(int value) {
        return new PlanOptions(
                verb,
                split,
                OptionalInt.of(value),
                maxDuration,
                heavyThreshold,
                threads,
                fullRefresh,
                target,
                vars,
                deferState,
                favorState,
                executable);
    }

    public PlanOptions withMaxDuration(Duration value) {
        return new PlanOptions(
                verb,
                split,
                maxNodes,
                Optional.of(value),
                heavyThreshold,
                threads,
                fullRefresh,
                target,
                vars,
                deferState,
                favorState,
                executable);
    }

    public PlanOptions withHeavyThreshold(Duration value) {
        return new PlanOptions(
                verb,
                split,
                maxNodes,
                maxDuration,
                Optional.of(value),
                threads,
                fullRefresh,
                target,
                vars,
                deferState,
                favorState,
                executable);
    }

    public PlanOptions withThreads(int value) {
        return new PlanOptions(
                verb,
                split,
                maxNodes,
                maxDuration,
                heavyThreshold,
                OptionalInt.of(value),
                fullRefresh,
                target,
                vars,
                deferState,
                favorState,
                executable);
    }

    public PlanOptions withFullRefresh(Collection<NodeId> value) {
        return new PlanOptions(
                verb,
                split,
                maxNodes,
                maxDuration,
                heavyThreshold,
                threads,
                new TreeSet<>(value),
                target,
                vars,
                deferState,
                favorState,
                executable);
    }

    public PlanOptions withTarget(String value) {
        return new PlanOptions(
                verb,
                split,
                maxNodes,
                maxDuration,
                heavyThreshold,
                threads,
                fullRefresh,
                Optional.of(value),
                vars,
                deferState,
                favorState,
                executable);
    }

    public PlanOptions withVars(String value) {
        return new PlanOptions(
                verb,
                split,
                maxNodes,
                maxDuration,
                heavyThreshold,
                threads,
                fullRefresh,
                target,
                Optional.of(value),
                deferState,
                favorState,
                executable);
    }

    public PlanOptions withDefer(String stateDir, boolean favor) {
        return new PlanOptions(
                verb,
                split,
                maxNodes,
                maxDuration,
                heavyThreshold,
                threads,
                fullRefresh,
                target,
                vars,
                Optional.of(stateDir),
                favor,
                executable);
    }

    public PlanOptions withExecutable(String value) {
        return new PlanOptions(
                verb,
                split,
                maxNodes,
                maxDuration,
                heavyThreshold,
                threads,
                fullRefresh,
                target,
                vars,
                deferState,
                favorState,
                value);
    }
}
