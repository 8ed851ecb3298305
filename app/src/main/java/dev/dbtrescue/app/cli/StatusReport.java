// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.ArtifactMetadata;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.manifest.SourceFreshnessResults;
import dev.dbtrescue.graph.status.Durations;
import dev.dbtrescue.graph.status.Failure;
import dev.dbtrescue.graph.status.FailureAnalysis;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.graph.status.NodeState;
import dev.dbtrescue.graph.status.SkipCause;
import dev.dbtrescue.graph.status.SourceFreshnessProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders a loaded project's status for the {@code status} command, as text for people or JSON for tools. */
record StatusReport(LoadedProject project, FailureAnalysis analysis) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int LISTED_SKIPS = 8;

    static StatusReport of(LoadedProject project, FailureAnalysis analysis) {
        return new StatusReport(project, analysis);
    }

    String toText() {
        var text = new StringBuilder();
        Manifest manifest = project.artifacts().manifest();
        ArtifactMetadata meta = manifest.metadata();
        text.append("Project ")
                .append(manifest.projectName())
                .append(" (manifest v")
                .append(meta.schemaVersion())
                .append(meta.dbtVersion().map(v -> ", dbt " + v).orElse(""))
                .append("): ")
                .append(project.graph().size())
                .append(" resources, ")
                .append(project.graph().edgeCount())
                .append(" dependencies\n");
        for (RunResults run : project.artifacts().runResults()) {
            text.append("  run results: ")
                    .append(run.source())
                    .append(" (dbt ")
                    .append(run.command())
                    .append(", invocation ")
                    .append(run.invocationId())
                    .append(run.metadata()
                            .generatedAt()
                            .map(at -> ", "
                                    + Durations.format(Duration.between(
                                            at, project.status().now())) + " ago")
                            .orElse(""))
                    .append(")\n");
        }
        for (SourceFreshnessResults sources : project.artifacts().sources()) {
            text.append("  freshness:   ")
                    .append(sources.source())
                    .append(" (invocation ")
                    .append(sources.metadata().invocationId().orElse("unknown"))
                    .append(")\n");
        }
        if (project.artifacts().runResults().isEmpty()) {
            text.append("  no run_results.json: every node shows as not run\n");
        }
        appendCounts(text);
        appendFailures(text);
        appendStale(text);
        return text.toString();
    }

    private void appendCounts(StringBuilder text) {
        Map<NodeType, Map<NodeState, Integer>> counts = project.status().counts();
        text.append("\n").append(String.format("%-15s %6s", "resource", "total"));
        for (NodeState state : NodeState.values()) {
            text.append(String.format(" %8s", state.label()));
        }
        text.append('\n');
        counts.forEach((type, byState) -> {
            int total = byState.values().stream().mapToInt(Integer::intValue).sum();
            text.append(String.format("%-15s %6d", type.dbtName(), total));
            for (NodeState state : NodeState.values()) {
                Integer n = byState.get(state);
                text.append(String.format(" %8s", n == null ? "-" : n.toString()));
            }
            text.append('\n');
        });
    }

    private void appendFailures(StringBuilder text) {
        List<Failure> failures = analysis.failures();
        text.append("\nFailures: ")
                .append(failures.isEmpty() ? "none" : failures.size())
                .append('\n');
        for (Failure f : failures) {
            text.append("  ")
                    .append(f.node())
                    .append("  ")
                    .append(f.outcome())
                    .append(" · ")
                    .append(f.errorClass().label())
                    .append(project.status()
                            .age(f.node())
                            .map(a -> " · " + Durations.format(a) + " ago")
                            .orElse(""))
                    .append('\n');
            text.append("    ").append(f.firstLine()).append('\n');
            if (!f.detail().isEmpty()) {
                text.append("      ").append(f.detail()).append('\n');
            }
            var radius = f.blastRadius();
            text.append("    blast radius: ")
                    .append(radius.total())
                    .append(" downstream (")
                    .append(radius.models())
                    .append(" models, ")
                    .append(radius.snapshots())
                    .append(" snapshots, ")
                    .append(radius.seeds())
                    .append(" seeds, ")
                    .append(radius.exposures().size())
                    .append(" exposures")
                    .append(
                            radius.exposures().isEmpty()
                                    ? ""
                                    : ": "
                                            + join(
                                                    radius.exposures(),
                                                    radius.exposures().size()))
                    .append(")")
                    .append(radius.majorIncident() ? "  MAJOR INCIDENT" : "")
                    .append('\n');
            if (!f.skipped().isEmpty()) {
                text.append("    skipped ")
                        .append(f.skipped().size())
                        .append(": ")
                        .append(join(f.skipped(), LISTED_SKIPS))
                        .append('\n');
            }
        }
        long unexplained =
                analysis.skipCauses().stream().filter(s -> s.causes().isEmpty()).count();
        if (unexplained > 0) {
            text.append("  ")
                    .append(unexplained)
                    .append(
                            " skipped nodes have no failed upstream node in the loaded results (fail-fast or an interrupted run)\n");
        }
    }

    private void appendStale(StringBuilder text) {
        List<SourceFreshnessProblem> stale = analysis.staleSources();
        text.append("\nStale sources: ")
                .append(stale.isEmpty() ? "none" : stale.size())
                .append('\n');
        for (SourceFreshnessProblem s : stale) {
            text.append("  ")
                    .append(s.source())
                    .append("  ")
                    .append(s.freshness().result().status().dbtName())
                    .append(" · ")
                    .append(s.description())
                    .append('\n');
        }
    }

    private static String join(List<NodeId> ids, int limit) {
        String shown =
                String.join(", ", ids.stream().limit(limit).map(NodeId::value).toList());
        return ids.size() > limit ? shown + ", … (" + (ids.size() - limit) + " more)" : shown;
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        Manifest manifest = project.artifacts().manifest();
        root.put("project", manifest.projectName());
        root.put("dbt_version", manifest.metadata().dbtVersion().orElse(null));
        root.put("manifest_schema_version", manifest.metadata().schemaVersion());
        root.put("now", project.status().now().toString());
        root.put("resources", project.graph().size());
        root.put("dependencies", project.graph().edgeCount());
        ArrayNode runs = root.putArray("run_results");
        for (RunResults run : project.artifacts().runResults()) {
            runs.addObject()
                    .put("file", run.source())
                    .put("command", run.command())
                    .put("invocation_id", run.invocationId())
                    .put(
                            "generated_at",
                            run.metadata().generatedAt().map(Object::toString).orElse(null));
        }
        ObjectNode counts = root.putObject("counts");
        project.status().counts().forEach((type, byState) -> {
            ObjectNode row = counts.putObject(type.dbtName());
            row.put(
                    "total",
                    byState.values().stream().mapToInt(Integer::intValue).sum());
            byState.forEach((state, n) -> row.put(state.label(), n));
        });
        ArrayNode failures = root.putArray("failures");
        for (Failure f : analysis.failures()) {
            ObjectNode item = failures.addObject();
            item.put("unique_id", f.node().value());
            item.put("status", f.outcome());
            item.put("error_class", f.errorClass().label());
            item.put("first_line", f.firstLine());
            item.put("detail", f.detail());
            item.put("invocation_id", f.invocationId());
            Optional<Duration> age = project.status().age(f.node());
            item.put("age_seconds", age.map(Duration::toSeconds).orElse(null));
            ObjectNode radius = item.putObject("blast_radius");
            radius.put("total", f.blastRadius().total());
            radius.put("models", f.blastRadius().models());
            radius.put("snapshots", f.blastRadius().snapshots());
            radius.put("seeds", f.blastRadius().seeds());
            ids(radius.putArray("exposures"), f.blastRadius().exposures());
            radius.put("major_incident", f.blastRadius().majorIncident());
            ids(item.putArray("skipped"), f.skipped());
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkipCause s : analysis.skipCauses()) {
            ObjectNode item = skipped.addObject().put("unique_id", s.skipped().value());
            ids(item.putArray("caused_by"), s.causes());
        }
        ArrayNode stale = root.putArray("stale_sources");
        for (SourceFreshnessProblem s : analysis.staleSources()) {
            var result = s.freshness().result();
            stale.addObject()
                    .put("unique_id", s.source().value())
                    .put("status", result.status().dbtName())
                    .put(
                            "max_loaded_at",
                            result.maxLoadedAt().map(Object::toString).orElse(null))
                    .put(
                            "data_age_seconds",
                            s.freshness().dataAge().map(Duration::toSeconds).orElse(null))
                    .put("description", s.description());
        }
        ArrayNode warnings = root.putArray("warnings");
        project.warnings()
                .forEach(w -> warnings.addObject().put("file", w.file()).put("message", w.message()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static void ids(ArrayNode into, List<NodeId> ids) {
        ids.forEach(id -> into.add(id.value()));
    }
}
