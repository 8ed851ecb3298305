// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.status.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A plan as people read it: a text table, Markdown, and a POSIX shell script that runs it. */
public final class PlanFormats {

    private static final int NAMES_SHOWN = 6;

    private PlanFormats() {}

    /** A text summary with one table row per batch and each batch's command. */
    public static String text(RerunPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append(headline(plan)).append('\n');
        out.append("Selection: ").append(selection(plan)).append("\n\n");
        if (plan.batches().isEmpty()) {
            out.append("No batches: nothing to run.\n");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Batch", "Nodes", "+Tests", "Estimate", "Flags", "Runs"});
            for (Batch b : plan.batches()) {
                rows.add(new String[] {
                    Integer.toString(b.number()),
                    Integer.toString(b.primaryCount()),
                    Integer.toString(b.nodes().size() - b.primaryCount()),
                    estimate(b.estimated(), b.hasDefaultEstimates()),
                    flags(b),
                    names(b)
                });
            }
            int[] width = new int[6];
            for (String[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    width[c] = Math.max(width[c], row[c].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < row.length; c++) {
                    boolean number = c <= 2;
                    String cell = number ? pad(row[c], width[c], true) : pad(row[c], width[c], false);
                    line.append(c == 0 ? "" : "  ").append(c == row.length - 1 ? row[c] : cell);
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
            out.append("\nCommands:\n");
            for (Batch b : plan.batches()) {
                out.append(pad(Integer.toString(b.number()), width[0], true))
                        .append("  ")
                        .append(b.command().shell())
                        .append('\n');
                for (String note : b.notes()) {
                    out.append(" ".repeat(width[0] + 2))
                            .append("note: ")
                            .append(note)
                            .append('\n');
                }
            }
        }
        out.append('\n').append(criticalPath(plan)).append('\n');
        appendNotRunAndWarnings(plan, out, "  - ");
        return out.toString();
    }

    /** Markdown for a ticket or an incident review. */
    public static String markdown(RerunPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("# Rescue plan: ").append(plan.source().project()).append("\n\n");
        out.append("- ").append(headline(plan)).append('\n');
        out.append("- Selection: `").append(selection(plan).replace("`", "'")).append("`\n");
        out.append("- ").append(criticalPath(plan)).append("\n");
        out.append("- Made from the manifest generated at ")
                .append(plan.source().manifestGeneratedAt())
                .append(plan.source().dbtVersion().map(v -> " by dbt " + v).orElse(""))
                .append("\n\n");
        if (plan.batches().isEmpty()) {
            out.append("No batches: nothing to run.\n");
        } else {
            out.append("| Batch | Nodes | Estimate | Flags | Command |\n");
            out.append("|---:|---|---:|---|---|\n");
            for (Batch b : plan.batches()) {
                out.append("| ")
                        .append(b.number())
                        .append(" | ")
                        .append(MarkdownCells.text(names(b) + " (" + b.primaryCount() + " + "
                                + (b.nodes().size() - b.primaryCount()) + " tests/exposures)"))
                        .append(" | ")
                        .append(estimate(b.estimated(), b.hasDefaultEstimates()))
                        .append(" | ")
                        .append(MarkdownCells.text(flags(b)))
                        .append(" | ")
                        .append(MarkdownCells.code(b.command().shell()))
                        .append(" |\n");
            }
            boolean anyNotes = plan.batches().stream().anyMatch(b -> !b.notes().isEmpty());
            if (anyNotes) {
                out.append("\n## Notes\n\n");
                for (Batch b : plan.batches()) {
                    for (String note : b.notes()) {
                        out.append("- Batch ")
                                .append(b.number())
                                .append(": ")
                                .append(note)
                                .append('\n');
                    }
                }
            }
        }
        if (!plan.warnings().isEmpty() || !plan.notRun().isEmpty()) {
            out.append("\n## Warnings\n\n");
            appendNotRunAndWarnings(plan, out, "- ");
        }
        out.append("\nEstimates marked ~ include defaults by materialization for nodes without a recorded run.\n");
        return out.toString();
    }

    /**
     * A POSIX shell script that runs the batches in order and stops at the first failure with dbt's exit code.
     * {@code sh plan.sh --from N} resumes at batch N; {@code DBT=/path/to/dbt} chooses the executable and
     * {@code DBT_PROJECT_DIR} the project folder.
     *
     * @param projectDir the folder to run in, when known
     */
    public static String shell(RerunPlan plan, Optional<String> projectDir) {
        int total = plan.batches().size();
        StringBuilder out = new StringBuilder();
        out.append("#!/bin/sh\n");
        out.append("# dbt-rescue plan for ")
                .append(oneLine(plan.source().project()))
                .append(": ");
        out.append(oneLine(headline(plan))).append('\n');
        out.append("# Selection: ").append(oneLine(selection(plan))).append('\n');
        out.append("# Runs the batches in order and stops at the first failure, with dbt's exit code.\n");
        out.append("# Usage: sh ")
                .append("plan.sh [--from BATCH]   (DBT=/path/to/dbt and DBT_PROJECT_DIR=... to" + " override)\n");
        out.append("set -u\n");
        out.append("from=1\n");
        out.append("if [ \"$#\" -eq 2 ] && [ \"$1\" = \"--from\" ]; then\n  from=$2\n");
        out.append("elif [ \"$#\" -ne 0 ]; then\n  echo \"usage: $0 [--from BATCH]\" >&2\n  exit 2\nfi\n");
        out.append("case \"$from\" in\n  ''|*[!0-9]*) echo \"--from needs a batch number, not '$from'\" >&2;"
                + " exit 2 ;;\nesac\n");
        out.append("if [ -z \"${DBT:-}\" ]; then DBT=")
                .append(ShellQuoting.quote(plan.options().executable()))
                .append("; fi\n");
        projectDir.ifPresent(dir -> out.append("if [ -z \"${DBT_PROJECT_DIR:-}\" ]; then DBT_PROJECT_DIR=")
                .append(ShellQuoting.quote(dir))
                .append("; fi\n")
                .append("cd -- \"$DBT_PROJECT_DIR\" || { echo \"cannot enter the project folder"
                        + " $DBT_PROJECT_DIR\" >&2; exit 2; }\n"));
        out.append("\nrun_batch() {\n");
        out.append("  n=$1\n  shown=$2\n  shift 2\n");
        out.append("  if [ \"$n\" -lt \"$from\" ]; then\n");
        out.append("    echo \"== batch $n of ").append(total).append(": skipped (--from $from)\"\n");
        out.append("    return 0\n  fi\n");
        out.append("  printf '%s\\n' \"== batch $n of ").append(total).append(": $shown\"\n");
        out.append("  \"$@\"\n  status=$?\n");
        out.append("  if [ \"$status\" -ne 0 ]; then\n");
        out.append("    echo \"== batch $n failed (exit $status). Fix it, then resume with: sh $0 --from $n\" >&2\n");
        out.append("    exit \"$status\"\n  fi\n}\n\n");
        for (Batch b : plan.batches()) {
            out.append("# batch ")
                    .append(b.number())
                    .append(": ")
                    .append(b.primaryCount())
                    .append(" nodes, ")
                    .append(estimate(b.estimated(), b.hasDefaultEstimates()))
                    .append(b.flags().isEmpty() ? "" : ", " + flags(b))
                    .append('\n');
            for (String note : b.notes()) {
                out.append("# note: ").append(oneLine(note)).append('\n');
            }
            List<String> args = b.command().arguments();
            out.append("run_batch ")
                    .append(b.number())
                    .append(' ')
                    .append(ShellQuoting.quote(b.command().shell()))
                    .append(" \"$DBT\" ")
                    .append(ShellQuoting.join(args))
                    .append("\n");
        }
        out.append("echo \"== all ").append(total).append(" batches succeeded\"\n");
        return out.toString();
    }

    private static String headline(RerunPlan plan) {
        int nodes = plan.batches().stream().mapToInt(Batch::primaryCount).sum();
        int companions = plan.nodeCount() - nodes;
        boolean defaults = plan.batches().stream().anyMatch(Batch::hasDefaultEstimates);
        return plan.source().preset() + " · dbt " + plan.options().verb().dbtName() + " · split "
                + plan.options().split().cliName() + " · " + plan.batches().size() + " batches · " + nodes
                + " nodes + " + companions + " tests/exposures · " + estimate(plan.estimated(), defaults) + " with "
                + plan.estimateThreads() + (plan.estimateThreads() == 1 ? " thread" : " threads") + limits(plan);
    }

    private static String limits(RerunPlan plan) {
        List<String> parts = new ArrayList<>();
        plan.options().maxNodes().ifPresent(n -> parts.add("≤ " + n + " nodes"));
        plan.options().maxDuration().ifPresent(d -> parts.add("≤ " + Durations.format(d)));
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + " per batch)";
    }

    private static String selection(RerunPlan plan) {
        String select = "--select " + ShellQuoting.quote(plan.source().select());
        return plan.source().exclude().isEmpty()
                ? select
                : select + " --exclude " + ShellQuoting.quote(plan.source().exclude());
    }

    private static String criticalPath(RerunPlan plan) {
        CriticalPath cp = plan.criticalPath();
        if (cp.nodes().isEmpty()) {
            return "Critical path: none";
        }
        java.util.Map<NodeId, String> names = new java.util.HashMap<>();
        plan.batches().forEach(b -> b.nodes().forEach(n -> names.put(n.id(), n.name())));
        return "Critical path (" + Durations.format(cp.duration()) + ", the least any split can take): "
                + cp.nodes().stream()
                        .map(id -> names.getOrDefault(id, id.value()))
                        .collect(Collectors.joining(" → "));
    }

    private static void appendNotRunAndWarnings(RerunPlan plan, StringBuilder out, String bullet) {
        if (!plan.notRun().isEmpty()) {
            String counts = plan.notRun().entrySet().stream()
                    .map(e -> e.getValue() + " " + plural(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
            out.append(bullet)
                    .append("Selected but not run by `dbt ")
                    .append(plan.options().verb().dbtName())
                    .append("`: ")
                    .append(counts)
                    .append('\n');
        }
        for (String w : plan.warnings()) {
            out.append(bullet).append(w).append('\n');
        }
    }

    private static String plural(NodeType type, int count) {
        String name = type.dbtName().replace('_', ' ');
        return count == 1 ? name : name + "s";
    }

    private static String estimate(Duration d, boolean defaults) {
        return (defaults ? "~" : "") + Durations.format(d);
    }

    private static String flags(Batch b) {
        return b.flags().isEmpty()
                ? "-"
                : b.flags().stream().map(f -> f.jsonName().replace('_', ' ')).collect(Collectors.joining(", "));
    }

    private static String names(Batch b) {
        List<String> primary = b.nodes().stream()
                .filter(n -> !n.companion())
                .map(PlannedNode::name)
                .toList();
        if (primary.isEmpty()) {
            primary = b.nodes().stream().map(PlannedNode::name).toList();
        }
        String shown = String.join(", ", primary.subList(0, Math.min(NAMES_SHOWN, primary.size())));
        return primary.size() > NAMES_SHOWN ? shown + " and " + (primary.size() - NAMES_SHOWN) + " more" : shown;
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
