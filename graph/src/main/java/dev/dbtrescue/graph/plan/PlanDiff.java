// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.status.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed between two plans: nodes added, removed or moved to another batch, commands that differ, and options.
 *
 * @param added nodes only in the newer plan, with their batch
 * @param removed nodes only in the older plan, with their batch there
 * @param moved nodes in both, in different batches: old and new batch numbers
 * @param changedCommands batch numbers present in both whose commands differ
 * @param changedOptions one line per option that differs, {@code name: old → new}
 * @param oldBatches the older plan's batch count
 * @param newBatches the newer plan's batch count
 */
public record PlanDiff(
        Map<NodeId, Integer> added,
        Map<NodeId, Integer> removed,
        Map<NodeId, Move> moved,
        List<Integer> changedCommands,
        List<String> changedOptions,
        int oldBatches,
        int newBatches) {

    /** A node's batch in the older and the newer plan. */
    public record Move(int from, int to) {}

    public PlanDiff {
        added = java.util.Collections.unmodifiableMap(new TreeMap<>(added));
        removed = java.util.Collections.unmodifiableMap(new TreeMap<>(removed));
        moved = java.util.Collections.unmodifiableMap(new TreeMap<>(moved));
        changedCommands = List.copyOf(changedCommands);
        changedOptions = List.copyOf(changedOptions);
    }

    /** The difference from {@code older} to {@code newer}. */
    public static PlanDiff between(RerunPlan older, RerunPlan newer) {
        Map<NodeId, Integer> before = batchNumbers(older);
        Map<NodeId, Integer> after = batchNumbers(newer);
        Map<NodeId, Integer> added = new TreeMap<>();
        Map<NodeId, Integer> removed = new TreeMap<>();
        Map<NodeId, Move> moved = new TreeMap<>();
        after.forEach((id, batch) -> {
            Integer was = before.get(id);
            if (was == null) {
                added.put(id, batch);
            } else if (!was.equals(batch)) {
                moved.put(id, new Move(was, batch));
            }
        });
        before.forEach((id, batch) -> {
            if (!after.containsKey(id)) {
                removed.put(id, batch);
            }
        });
        List<Integer> commands = new ArrayList<>();
        for (int k = 0; k < Math.min(older.batches().size(), newer.batches().size()); k++) {
            if (!older.batches().get(k).command().equals(newer.batches().get(k).command())) {
                commands.add(k + 1);
            }
        }
        List<String> options = new ArrayList<>();
        Map<String, String> a = describe(older);
        Map<String, String> b = describe(newer);
        a.forEach((key, value) -> {
            if (!value.equals(b.get(key))) {
                options.add(key + ": " + value + " → " + b.get(key));
            }
        });
        return new PlanDiff(
                added,
                removed,
                moved,
                commands,
                options,
                older.batches().size(),
                newer.batches().size());
    }

    /** True when the plans run the same nodes in the same batches with the same commands and options. */
    public boolean isEmpty() {
        return added.isEmpty()
                && removed.isEmpty()
                && moved.isEmpty()
                && changedCommands.isEmpty()
                && changedOptions.isEmpty()
                && oldBatches == newBatches;
    }

    /** One line per change, for people. */
    public String describe() {
        if (isEmpty()) {
            return "The plans are the same: same batches, nodes, commands and options.\n";
        }
        StringBuilder out = new StringBuilder();
        out.append("Batches: ")
                .append(oldBatches)
                .append(" → ")
                .append(newBatches)
                .append('\n');
        changedOptions.forEach(line -> out.append("Option ").append(line).append('\n'));
        added.forEach((id, batch) ->
                out.append("+ ").append(id).append(" (batch ").append(batch).append(")\n"));
        removed.forEach((id, batch) -> out.append("- ")
                .append(id)
                .append(" (was in batch ")
                .append(batch)
                .append(")\n"));
        moved.forEach((id, move) -> out.append("~ ")
                .append(id)
                .append(": batch ")
                .append(move.from())
                .append(" → ")
                .append(move.to())
                .append('\n'));
        changedCommands.forEach(n -> out.append("Command of batch ").append(n).append(" changed\n"));
        return out.toString();
    }

    private static Map<NodeId, Integer> batchNumbers(RerunPlan plan) {
        Map<NodeId, Integer> out = new TreeMap<>();
        for (Batch batch : plan.batches()) {
            for (NodeId id : batch.ids()) {
                out.put(id, batch.number());
            }
        }
        return out;
    }

    private static Map<String, String> describe(RerunPlan plan) {
        PlanOptions o = plan.options();
        Map<String, String> out = new TreeMap<>();
        out.put("command", o.verb().dbtName());
        out.put("split", o.split().cliName());
        out.put(
                "max nodes",
                o.maxNodes().isPresent() ? Integer.toString(o.maxNodes().getAsInt()) : "none");
        out.put("max time", o.maxDuration().map(Durations::format).orElse("none"));
        out.put("heavy threshold", o.heavyThreshold().map(Durations::format).orElse("none"));
        out.put(
                "threads",
                o.threads().isPresent() ? Integer.toString(o.threads().getAsInt()) : "as profile");
        out.put("full refresh", o.fullRefresh().toString());
        out.put("target", o.target().orElse("default"));
        out.put("vars", o.vars().orElse("none"));
        out.put(
                "defer",
                o.deferState()
                        .map(s -> s + (o.favorState() ? " (favor state)" : ""))
                        .orElse("no"));
        out.put(
                "selection",
                plan.source().preset() + " " + plan.source().select()
                        + (plan.source().exclude().isEmpty()
                                ? ""
                                : " --exclude " + plan.source().exclude()));
        return out;
    }
}
