// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plan as a versioned JSON document ({@code "dbt_rescue_plan": 1}), written with a stable key order so that two
 * plans diff line by line, and read back with a message naming the field for anything missing or wrong.
 */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {}

    /** The plan as pretty-printed JSON, ending with a newline. */
    public static String write(RerunPlan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("dbt_rescue_plan", RerunPlan.FORMAT_VERSION);
        PlanSource source = plan.source();
        ObjectNode src = root.putObject("source");
        src.put("project", source.project());
        src.put("manifest_generated_at", source.manifestGeneratedAt());
        source.dbtVersion().ifPresent(v -> src.put("dbt_version", v));
        src.put("preset", source.preset());
        src.put("select", source.select());
        src.put("exclude", source.exclude());
        source.stateDir().ifPresent(v -> src.put("state", v));
        PlanOptions options = plan.options();
        ObjectNode opt = root.putObject("options");
        opt.put("command", options.verb().dbtName());
        opt.put("split", options.split().cliName());
        options.maxNodes().ifPresent(v -> opt.put("max_nodes", v));
        options.maxDuration().ifPresent(v -> opt.put("max_seconds", seconds(v)));
        options.heavyThreshold().ifPresent(v -> opt.put("heavy_seconds", seconds(v)));
        options.threads().ifPresent(v -> opt.put("threads", v));
        ArrayNode refresh = opt.putArray("full_refresh");
        options.fullRefresh().forEach(id -> refresh.add(id.value()));
        options.target().ifPresent(v -> opt.put("target", v));
        options.vars().ifPresent(v -> opt.put("vars", v));
        options.deferState().ifPresent(v -> opt.put("defer_state", v));
        opt.put("favor_state", options.favorState());
        opt.put("executable", options.executable());
        root.put("estimate_threads", plan.estimateThreads());
        root.put("estimated_seconds", seconds(plan.estimated()));
        ObjectNode critical = root.putObject("critical_path");
        critical.put("seconds", seconds(plan.criticalPath().duration()));
        ArrayNode path = critical.putArray("nodes");
        plan.criticalPath().nodes().forEach(id -> path.add(id.value()));
        ArrayNode batches = root.putArray("batches");
        for (Batch batch : plan.batches()) {
            ObjectNode b = batches.addObject();
            b.put("number", batch.number());
            b.put("estimated_seconds", seconds(batch.estimated()));
            ArrayNode flags = b.putArray("flags");
            batch.flags().forEach(f -> flags.add(f.jsonName()));
            ArrayNode notes = b.putArray("notes");
            batch.notes().forEach(notes::add);
            ArrayNode argv = b.putArray("command");
            batch.command().argv().forEach(argv::add);
            ArrayNode nodes = b.putArray("nodes");
            for (PlannedNode node : batch.nodes()) {
                ObjectNode o = nodes.addObject();
                o.put("unique_id", node.id().value());
                o.put("resource_type", node.type().dbtName());
                o.put("name", node.name());
                o.put("selector", node.selector());
                o.put("estimate_seconds", node.estimate().seconds());
                o.put("estimate_source", node.estimate().source().name().toLowerCase(java.util.Locale.ROOT));
                o.put("estimate_samples", node.estimate().samples());
                o.put("companion", node.companion());
                o.put("heavy", node.heavy());
                o.put("full_refresh", node.fullRefresh());
            }
        }
        ObjectNode notRun = root.putObject("not_run");
        plan.notRun().forEach((type, count) -> notRun.put(type.dbtName(), count));
        ArrayNode warnings = root.putArray("warnings");
        plan.warnings().forEach(warnings::add);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /**
     * Reads a plan written by {@link #write(RerunPlan)}.
     *
     * @param name the file name, for messages
     * @throws PlanningException if the text is not a plan of a version this code reads, or a field is missing or wrong
     */
    public static RerunPlan read(String name, String json) throws PlanningException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PlanningException(name + ": not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "); save the plan again with `dbt-rescue plan --format json`.");
        }
        if (root == null || !root.isObject()) {
            throw new PlanningException(name + ": not a dbt-rescue plan (expected a JSON object).");
        }
        JsonNode version = root.get("dbt_rescue_plan");
        if (version == null) {
            throw new PlanningException(name + ": not a dbt-rescue plan (no \"dbt_rescue_plan\" version field).");
        }
        if (!version.canConvertToInt() || version.asInt() != RerunPlan.FORMAT_VERSION) {
            throw new PlanningException(name + ": plan format version " + version + " is not supported; this"
                    + " dbt-rescue reads version " + RerunPlan.FORMAT_VERSION + ". Make the plan again with this"
                    + " version.");
        }
        Reader r = new Reader(name);
        JsonNode src = r.object(root, "source");
        PlanSource source = new PlanSource(
                r.text(src, "source.project"),
                r.text(src, "source.manifest_generated_at"),
                r.optionalText(src, "source.dbt_version"),
                r.text(src, "source.preset"),
                r.text(src, "source.select"),
                r.text(src, "source.exclude"),
                r.optionalText(src, "source.state"));
        JsonNode opt = r.object(root, "options");
        String command = r.text(opt, "options.command");
        String split = r.text(opt, "options.split");
        Set<NodeId> fullRefresh = new TreeSet<>();
        for (JsonNode id : r.array(opt, "options.full_refresh")) {
            fullRefresh.add(NodeId.of(id.asText()));
        }
        PlanOptions options;
        try {
            options = new PlanOptions(
                    DbtVerb.fromDbt(command)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "options.command '" + command + "' is not build, run, test, seed or snapshot")),
                    SplitMode.fromCli(split)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "options.split '" + split + "' is not waves, lineage, folder, tag or group")),
                    r.optionalInt(opt, "options.max_nodes"),
                    r.optionalSeconds(opt, "options.max_seconds"),
                    r.optionalSeconds(opt, "options.heavy_seconds"),
                    r.optionalInt(opt, "options.threads"),
                    new TreeSet<>(fullRefresh),
                    r.optionalText(opt, "options.target"),
                    r.optionalText(opt, "options.vars"),
                    r.optionalText(opt, "options.defer_state"),
                    opt.path("favor_state").asBoolean(false),
                    r.text(opt, "options.executable"));
        } catch (IllegalArgumentException e) {
            throw new PlanningException(name + ": " + e.getMessage());
        }
        List<Batch> batches = new ArrayList<>();
        int expected = 1;
        for (JsonNode b : r.array(root, "batches")) {
            String at = "batches[" + (expected - 1) + "]";
            int number = r.integer(b, at + ".number");
            if (number != expected) {
                throw new PlanningException(name + ": " + at + ".number is " + number + ", expected " + expected
                        + " (batches are numbered 1, 2, ... in run order).");
            }
            expected++;
            Set<BatchFlag> flags = EnumSet.noneOf(BatchFlag.class);
            for (JsonNode f : r.array(b, at + ".flags")) {
                flags.add(r.flag(f.asText(), at + ".flags"));
            }
            List<String> notes = new ArrayList<>();
            r.array(b, at + ".notes").forEach(n -> notes.add(n.asText()));
            List<String> argv = new ArrayList<>();
            r.array(b, at + ".command").forEach(a -> argv.add(a.asText()));
            if (argv.size() < 2) {
                throw new PlanningException(
                        name + ": " + at + ".command must hold the executable and a dbt" + " subcommand.");
            }
            List<PlannedNode> nodes = new ArrayList<>();
            int k = 0;
            for (JsonNode o : r.array(b, at + ".nodes")) {
                String nat = at + ".nodes[" + k++ + "]";
                String source2 = r.text(o, nat + ".estimate_source");
                Estimate.Source estimateSource = switch (source2) {
                    case "history" -> Estimate.Source.HISTORY;
                    case "default" -> Estimate.Source.DEFAULT;
                    default ->
                        throw new PlanningException(
                                name + ": " + nat + ".estimate_source '" + source2 + "' is not history or default.");
                };
                NodeType type = NodeType.fromDbt(r.text(o, nat + ".resource_type"));
                nodes.add(new PlannedNode(
                        NodeId.of(r.text(o, nat + ".unique_id")),
                        type,
                        r.text(o, nat + ".name"),
                        r.text(o, nat + ".selector"),
                        new Estimate(
                                r.seconds(o, nat + ".estimate_seconds"),
                                estimateSource,
                                r.integer(o, nat + ".estimate_samples")),
                        o.path("companion").asBoolean(false),
                        o.path("heavy").asBoolean(false),
                        o.path("full_refresh").asBoolean(false)));
            }
            if (nodes.isEmpty()) {
                throw new PlanningException(name + ": " + at + ".nodes is empty; a batch runs at least one node.");
            }
            batches.add(new Batch(
                    number, nodes, r.seconds(b, at + ".estimated_seconds"), flags, notes, new DbtCommand(argv)));
        }
        JsonNode critical = r.object(root, "critical_path");
        List<NodeId> path = new ArrayList<>();
        r.array(critical, "critical_path.nodes").forEach(id -> path.add(NodeId.of(id.asText())));
        Map<NodeType, Integer> notRun = new LinkedHashMap<>();
        r.object(root, "not_run")
                .properties()
                .forEach(e ->
                        notRun.put(NodeType.fromDbt(e.getKey()), e.getValue().asInt()));
        List<String> warnings = new ArrayList<>();
        r.array(root, "warnings").forEach(w -> warnings.add(w.asText()));
        return new RerunPlan(
                source,
                options,
                r.integer(root, "estimate_threads"),
                batches,
                new CriticalPath(path, r.seconds(critical, "critical_path.seconds")),
                notRun,
                warnings);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** Field access that names the field in its messages. */
    private record Reader(String name) {

        private static String leaf(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        JsonNode object(JsonNode parent, String path) throws PlanningException {
            JsonNode node = parent.get(leaf(path));
            if (node == null || !node.isObject()) {
                throw missing(path, "an object");
            }
            return node;
        }

        JsonNode array(JsonNode parent, String path) throws PlanningException {
            JsonNode node = parent.get(leaf(path));
            if (node == null || !node.isArray()) {
                throw missing(path, "a list");
            }
            return node;
        }

        String text(JsonNode parent, String path) throws PlanningException {
            JsonNode node = parent.get(leaf(path));
            if (node == null || !node.isTextual()) {
                throw missing(path, "a string");
            }
            return node.asText();
        }

        Optional<String> optionalText(JsonNode parent, String path) throws PlanningException {
            JsonNode node = parent.get(leaf(path));
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
            if (!node.isTextual()) {
                throw missing(path, "a string");
            }
            return Optional.of(node.asText());
        }

        int integer(JsonNode parent, String path) throws PlanningException {
            JsonNode node = parent.get(leaf(path));
            if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
                throw missing(path, "a whole number");
            }
            return node.asInt();
        }

        OptionalInt optionalInt(JsonNode parent, String path) throws PlanningException {
            return parent.has(leaf(path)) ? OptionalInt.of(integer(parent, path)) : OptionalInt.empty();
        }

        Duration seconds(JsonNode parent, String path) throws PlanningException {
            JsonNode node = parent.get(leaf(path));
            if (node == null || !node.isNumber() || node.asDouble() < 0) {
                throw missing(path, "a number of seconds, zero or more");
            }
            return Duration.ofNanos(Math.round(node.asDouble() * 1e9));
        }

        Optional<Duration> optionalSeconds(JsonNode parent, String path) throws PlanningException {
            return parent.has(leaf(path)) ? Optional.of(seconds(parent, path)) : Optional.empty();
        }

        BatchFlag flag(String value, String path) throws PlanningException {
            for (BatchFlag flag : BatchFlag.values()) {
                if (flag.jsonName().equals(value)) {
                    return flag;
                }
            }
            throw new PlanningException(name + ": " + path + " has an unknown flag '" + value + "'.");
        }

        private PlanningException missing(String path, String what) {
            return new PlanningException(name + ": field " + path + " is missing or not " + what
                    + "; the file is not a complete dbt-rescue plan.");
        }
    }
}
