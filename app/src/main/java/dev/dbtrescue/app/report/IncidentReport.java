// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.plan.MarkdownCells;
import dev.dbtrescue.graph.status.BlastRadius;
import dev.dbtrescue.graph.status.Durations;
import dev.dbtrescue.graph.status.Failure;
import dev.dbtrescue.graph.status.FailureAnalysis;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.graph.status.SourceFreshnessProblem;
import dev.dbtrescue.runner.journal.Journal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The incident report along the on-call triage template, filled from the artifacts and the run journals: when, what
 * failed (materialization, error class, first error line), what it blocks (downstream count, exposures, major
 * incident), how it was resolved (the recovery commands actually run, with outcome and duration), what still fails,
 * and the lineage picture. One document model, written as Markdown or as self-contained HTML.
 *
 * @param blocks the document, in order
 */
public record IncidentReport(List<Block> blocks) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Set<String> PASSED = Set.of("success", "pass");
    private static final String TO_FILL = "(to fill in at the review)";
    private static final Pattern WORD_EDGE_UNDERSCORE = Pattern.compile("(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])");

    public IncidentReport {
        blocks = List.copyOf(blocks);
    }

    /** A part of the document. */
    public sealed interface Block {}

    /** A heading, level 1 to 3. */
    public record Heading(int level, String text) implements Block {}

    /** A paragraph of plain text. */
    public record Paragraph(String text) implements Block {}

    /** A table; the cells of {@code codeColumns} are shown as code. */
    public record Table(List<String> header, List<List<String>> rows, Set<Integer> codeColumns) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            codeColumns = Set.copyOf(codeColumns);
        }
    }

    /** Where the lineage picture goes. */
    public record Picture(String caption) implements Block {}

    /**
     * Fills the report.
     *
     * @param project the loaded artifacts
     * @param current their failures as loaded (when the journals' invocations are among the loaded results, the
     *     failures from before them are reported instead: the incident, not its repair)
     * @param journals the dbt-rescue runs made for this incident, oldest first
     * @param shown what the picture shows, in words (e.g. the selector)
     * @param now when the report is made
     */
    public static IncidentReport of(
            LoadedProject project, FailureAnalysis current, List<Journal> journals, String shown, Instant now) {
        Manifest manifest = project.artifacts().manifest();
        // after a recovery in the window, its results are merged in: the incident is what failed before them
        Optional<LoadedProject> before = IncidentBaseline.before(project, journals, now);
        FailureAnalysis analysis =
                before.map(b -> new FailureAnalyzer().analyze(b.status())).orElse(current);
        LoadedProject incident = before.orElse(project);
        List<Failure> failures = analysis.failures();
        Map<String, String> lastRerun = new LinkedHashMap<>();
        journals.forEach(j -> lastRerun.putAll(j.lastStatuses()));
        List<NodeId> remaining = remaining(failures, lastRerun);

        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(1, "Incident report: " + manifest.projectName()));
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of(
                "Failed run",
                failedRunTime(incident, failures).map(WHEN::format).orElse("unknown (no run_results)")));
        facts.add(List.of("Report made", WHEN.format(now)));
        facts.add(List.of(
                "Project",
                manifest.projectName()
                        + manifest.metadata()
                                .dbtVersion()
                                .map(v -> " (dbt " + v + ")")
                                .orElse("")));
        facts.add(List.of(
                "Invocations",
                project.artifacts().runResults().isEmpty()
                        ? "none"
                        : String.join(
                                ", ",
                                project.artifacts().runResults().stream()
                                        .map(r -> r.invocationId() + " (dbt " + r.command() + ")")
                                        .toList())));
        facts.add(List.of("Failures", Integer.toString(failures.size())));
        facts.add(List.of(
                "Skipped because of them",
                Integer.toString(analysis.skipCauses().size())));
        BlastRadius all = downstream(incident, failures);
        facts.add(List.of(
                "Downstream of the failures",
                all.total() + " (" + all.models() + " models, " + all.snapshots() + " snapshots, " + all.seeds()
                        + " seeds)"));
        List<NodeId> exposures = all.exposures();
        facts.add(List.of(
                "Exposures affected",
                exposures.isEmpty()
                        ? "none"
                        : String.join(
                                ", ", exposures.stream().map(NodeId::value).toList())));
        boolean major = failures.stream().anyMatch(f -> f.blastRadius().majorIncident());
        facts.add(List.of(
                "Major incident",
                major
                        ? "yes (a failure has over " + BlastRadius.MAJOR_INCIDENT_THRESHOLD + " resources downstream)"
                        : "no"));
        facts.add(List.of("Resolution type", resolution(failures, journals, remaining)));
        facts.add(List.of("Root cause", TO_FILL));
        facts.add(List.of("Prevention", TO_FILL));
        blocks.add(new Table(List.of("Field", "Value"), facts, Set.of()));

        blocks.add(new Heading(2, "Failed nodes"));
        if (failures.isEmpty()) {
            blocks.add(new Paragraph("The loaded run results hold no failures."));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Failure f : failures) {
                Optional<Node> node = project.graph().node(f.node());
                String materialized =
                        node.flatMap(n -> n.config().materialized()).orElse("-");
                BlastRadius radius = f.blastRadius();
                rows.add(List.of(
                        f.node().value(),
                        node.map(n -> n.type().dbtName()).orElse("?") + " / " + materialized,
                        f.outcome(),
                        f.errorClass().label(),
                        f.firstLine() + (f.detail().isEmpty() ? "" : " — " + f.detail()),
                        Integer.toString(radius.total()),
                        radius.exposures().isEmpty()
                                ? "-"
                                : String.join(
                                        ", ",
                                        radius.exposures().stream()
                                                .map(NodeId::value)
                                                .toList()),
                        Integer.toString(f.skipped().size()),
                        radius.majorIncident() ? "yes" : "no"));
            }
            blocks.add(new Table(
                    List.of(
                            "Node",
                            "Type / materialization",
                            "Status",
                            "Error class",
                            "First error line",
                            "Downstream",
                            "Exposures",
                            "Skipped",
                            "Major"),
                    rows,
                    Set.of(0)));
        }

        List<SourceFreshnessProblem> stale = analysis.staleSources();
        if (!stale.isEmpty()) {
            blocks.add(new Heading(2, "Stale sources"));
            List<List<String>> rows = new ArrayList<>();
            for (SourceFreshnessProblem s : stale) {
                rows.add(List.of(
                        s.source().value(), s.freshness().result().status().dbtName(), s.description()));
            }
            blocks.add(new Table(List.of("Source", "Freshness", "Detail"), rows, Set.of(0)));
        }

        blocks.add(new Heading(2, "Recovery commands"));
        if (journals.isEmpty()) {
            blocks.add(new Paragraph("No dbt-rescue run is recorded for this incident yet."));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Journal journal : journals) {
                for (Journal.Attempt a : journal.attempts()) {
                    rows.add(List.of(
                            journal.header().runId(),
                            Integer.toString(a.batch()),
                            Integer.toString(a.attempt()),
                            "dbt " + String.join(" ", a.command()),
                            a.outcome()
                                    .map(o -> o.name().toLowerCase(Locale.ROOT))
                                    .orElse("interrupted"),
                            a.outcome().isPresent() ? Integer.toString(a.exitCode()) : "-",
                            a.startedAt().map(WHEN::format).orElse("-"),
                            a.elapsed().map(IncidentReport::duration).orElse("-")));
                }
            }
            blocks.add(new Table(
                    List.of("Run", "Batch", "Attempt", "Command", "Outcome", "Exit", "Started", "Took"),
                    rows,
                    Set.of(3)));
        }

        blocks.add(new Heading(2, "Remaining failures"));
        if (remaining.isEmpty()) {
            blocks.add(new Paragraph(failures.isEmpty() ? "None." : "None: every failed node passed on rerun."));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (NodeId id : remaining) {
                rows.add(List.of(
                        id.value(),
                        Optional.ofNullable(lastRerun.get(id.value()))
                                .map(s -> s + " on rerun")
                                .orElse("not rerun")));
            }
            blocks.add(new Table(List.of("Node", "Last result"), rows, Set.of(0)));
        }

        blocks.add(new Heading(2, "Lineage"));
        blocks.add(new Picture("Lineage of " + shown + ", coloured by last status"));
        return new IncidentReport(blocks);
    }

    /** The failures whose node has not passed in a later run, then nodes that first failed on rerun. */
    private static List<NodeId> remaining(List<Failure> failures, Map<String, String> lastRerun) {
        Set<NodeId> out = new LinkedHashSet<>();
        for (Failure f : failures) {
            String rerun = lastRerun.get(f.node().value());
            if (rerun == null || !PASSED.contains(rerun)) {
                out.add(f.node());
            }
        }
        lastRerun.forEach((id, status) -> {
            if (status.equals("error") || status.equals("fail") || status.equals("runtime error")) {
                out.add(new NodeId(id));
            }
        });
        return List.copyOf(out);
    }

    private static String resolution(List<Failure> failures, List<Journal> journals, List<NodeId> remaining) {
        if (failures.isEmpty() && journals.isEmpty()) {
            return "nothing to resolve";
        }
        if (journals.isEmpty()) {
            return "open: nothing rerun yet " + TO_FILL;
        }
        long commands = journals.stream().mapToLong(j -> j.attempts().size()).sum();
        return remaining.isEmpty()
                ? "rerun with dbt-rescue (" + commands + " dbt commands); every failed node passed"
                : "partly resolved: rerun with dbt-rescue (" + commands + " dbt commands), " + remaining.size()
                        + " still failing";
    }

    /** When the run that failed was written: the newest run results holding a failure, else the newest. */
    private static Optional<Instant> failedRunTime(LoadedProject project, List<Failure> failures) {
        List<RunResults> runs = project.artifacts().runResults(); // oldest first
        Set<String> failing = new HashSet<>();
        failures.forEach(f -> failing.add(f.invocationId()));
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (failing.contains(runs.get(i).invocationId())) {
                return runs.get(i).metadata().generatedAt();
            }
        }
        return runs.isEmpty()
                ? Optional.empty()
                : runs.get(runs.size() - 1).metadata().generatedAt();
    }

    /** Everything downstream of any failure, counted once (models, snapshots, seeds; exposures listed). */
    private static BlastRadius downstream(LoadedProject project, List<Failure> failures) {
        LineageGraph graph = project.graph();
        BitSet roots = new BitSet(graph.size());
        failures.stream().filter(f -> graph.contains(f.node())).forEach(f -> roots.set(graph.indexOf(f.node())));
        BitSet below = graph.descendants(roots, LineageGraph.UNLIMITED);
        below.andNot(roots);
        return BlastRadius.of(graph, below);
    }

    private static String duration(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : Durations.format(d);
    }

    /**
     * The report as GitHub-flavoured Markdown.
     *
     * @param picture the picture's file name relative to the Markdown file, if one was written
     */
    public String markdown(Optional<String> picture) {
        var md = new StringBuilder();
        for (Block block : blocks) {
            switch (block) {
                case Heading h ->
                    md.append("#".repeat(h.level()))
                            .append(' ')
                            .append(inline(h.text()))
                            .append("\n\n");
                case Paragraph p -> md.append(inline(p.text())).append("\n\n");
                case Table t -> {
                    md.append('|');
                    t.header()
                            .forEach(c -> md.append(' ').append(cell(c, false)).append(" |"));
                    md.append("\n|");
                    t.header().forEach(c -> md.append(" --- |"));
                    md.append('\n');
                    for (List<String> row : t.rows()) {
                        md.append('|');
                        for (int i = 0; i < row.size(); i++) {
                            md.append(' ')
                                    .append(cell(row.get(i), t.codeColumns().contains(i)))
                                    .append(" |");
                        }
                        md.append('\n');
                    }
                    md.append('\n');
                }
                case Picture p ->
                    md.append(picture.map(f -> "![" + inline(p.caption()) + "](" + f + ")")
                                    .orElse("(no picture exported: add --svg or --png)"))
                            .append("\n\n");
            }
        }
        return md.toString();
    }

    /**
     * The report as one self-contained HTML file (styles inline, the picture embedded as inline SVG).
     *
     * @param svg the SVG document of the picture, if any
     */
    public String html(Optional<String> svg) {
        String title = blocks.stream()
                .filter(b -> b instanceof Heading h && h.level() == 1)
                .map(b -> ((Heading) b).text())
                .findFirst()
                .orElse("Incident report");
        var html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(SvgPicture.xml(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:2em;")
                .append("color:#111;max-width:1400px}\n")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}\n")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}\n")
                .append("th{background:#f3f3f3}\ncode{font-size:0.9em}\n")
                .append(".picture{overflow:auto;border:1px solid #ddd}\n")
                .append("</style>\n</head>\n<body>\n");
        for (Block block : blocks) {
            switch (block) {
                case Heading h ->
                    html.append("<h")
                            .append(h.level())
                            .append('>')
                            .append(SvgPicture.xml(h.text()))
                            .append("</h")
                            .append(h.level())
                            .append(">\n");
                case Paragraph p ->
                    html.append("<p>").append(SvgPicture.xml(p.text())).append("</p>\n");
                case Table t -> {
                    html.append("<table>\n<tr>");
                    t.header()
                            .forEach(c -> html.append("<th>")
                                    .append(SvgPicture.xml(c))
                                    .append("</th>"));
                    html.append("</tr>\n");
                    for (List<String> row : t.rows()) {
                        html.append("<tr>");
                        for (int i = 0; i < row.size(); i++) {
                            boolean code = t.codeColumns().contains(i);
                            html.append("<td>")
                                    .append(code ? "<code>" : "")
                                    .append(SvgPicture.xml(row.get(i)))
                                    .append(code ? "</code>" : "")
                                    .append("</td>");
                        }
                        html.append("</tr>\n");
                    }
                    html.append("</table>\n");
                }
                case Picture p -> {
                    html.append("<figure>\n");
                    if (svg.isPresent()) {
                        String inline = svg.get();
                        int start = inline.indexOf("<svg");
                        html.append("<div class=\"picture\">\n")
                                .append(start >= 0 ? inline.substring(start) : inline)
                                .append("</div>\n");
                    }
                    html.append("<figcaption>")
                            .append(SvgPicture.xml(p.caption()))
                            .append("</figcaption>\n</figure>\n");
                }
            }
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /**
     * Escapes what would start markup. Underscores inside words stay as they are (GitHub's Markdown does not
     * emphasise them), so names such as {@code int_payments_converted} read as written.
     */
    private static String inline(String text) {
        return WORD_EDGE_UNDERSCORE
                .matcher(text.replace("\\", "\\\\").replace("*", "\\*").replace("<", "&lt;"))
                .replaceAll("\\\\_");
    }

    private static String cell(String text, boolean code) {
        return code ? MarkdownCells.code(text.strip()) : MarkdownCells.text(inline(text.strip()));
    }
}
