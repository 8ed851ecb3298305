// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The settings file's JSON. Lenient when reading: a missing field takes its default, and a field or entry that is not
 * understood takes its default too, with a warning, so one bad value does not lose the others.
 */
final class SettingsJson {

    /** The format written; a file of another version is not read. */
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SettingsJson() {}

    /** The JSON text of {@code settings}. */
    static String write(Settings settings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("theme", settings.theme().json());
        settings.window().ifPresent(w -> {
            ObjectNode window = root.putObject("window");
            window.put("x", w.x());
            window.put("y", w.y());
            window.put("width", w.width());
            window.put("height", w.height());
            window.put("maximized", w.maximized());
            ObjectNode dividers = window.putObject("dividers");
            w.dividers().forEach((name, positions) -> {
                ArrayNode array = dividers.putArray(name);
                positions.forEach(array::add);
            });
        });
        PlanDefaults d = settings.planDefaults();
        ObjectNode plan = root.putObject("planDefaults");
        plan.put("maxNodes", d.maxNodes());
        plan.put("maxMinutes", d.maxMinutes());
        plan.put("threads", d.threads());
        plan.put("split", d.split());
        plan.put("command", d.command());
        plan.put("target", d.target());
        plan.put("vars", d.vars());
        plan.put("defer", d.defer());
        ArrayNode hosts = root.putArray("sshHosts");
        for (SavedHost host : settings.hosts()) {
            ObjectNode node = hosts.addObject();
            node.put("destination", host.destination());
            node.put("remoteDir", host.remoteDir());
            node.put("dbt", host.dbtExecutable());
        }
        ObjectNode projects = root.putObject("projects");
        settings.projectDbt().forEach((key, dbt) -> projects.putObject(key).put("dbt", dbt));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("settings could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads settings.
     *
     * @param warn told about each value that is not understood
     * @throws IllegalArgumentException if the text is not JSON, not an object, or of another version than
     *     {@link #VERSION}
     */
    static Settings read(String text, Consumer<String> warn) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.asInt() != VERSION) {
            throw new IllegalArgumentException("it is of version " + (version == null ? "(none)" : version.toString())
                    + ", and this dbt-rescue reads version " + VERSION);
        }
        Theme theme = Theme.LIGHT;
        JsonNode themeNode = root.get("theme");
        if (themeNode != null) {
            Optional<Theme> known = themeNode.isTextual() ? Theme.fromJson(themeNode.asText()) : Optional.empty();
            if (known.isEmpty()) {
                warn.accept("the theme " + themeNode + " is not light or dark; using light");
            }
            theme = known.orElse(Theme.LIGHT);
        }
        return new Settings(
                theme,
                window(root.get("window"), warn),
                plan(root.get("planDefaults")),
                hosts(root, warn),
                projects(root, warn));
    }

    private static Optional<WindowLayout> window(JsonNode node, Consumer<String> warn) {
        if (node == null) {
            return Optional.empty();
        }
        Map<String, List<Double>> dividers = new LinkedHashMap<>();
        node.path("dividers").properties().forEach(entry -> {
            List<Double> positions = new ArrayList<>();
            entry.getValue().forEach(p -> {
                if (p.isNumber() && p.asDouble() >= 0 && p.asDouble() <= 1) {
                    positions.add(p.asDouble());
                }
            });
            dividers.put(entry.getKey(), positions);
        });
        try {
            return Optional.of(new WindowLayout(
                    number(node, "x"),
                    number(node, "y"),
                    number(node, "width"),
                    number(node, "height"),
                    node.path("maximized").asBoolean(false),
                    dividers));
        } catch (IllegalArgumentException e) {
            warn.accept("the window layout is not understood (" + e.getMessage() + "); the window opens centred");
            return Optional.empty();
        }
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        return value.asDouble();
    }

    private static PlanDefaults plan(JsonNode node) {
        if (node == null || !node.isObject()) {
            return PlanDefaults.STANDARD;
        }
        PlanDefaults s = PlanDefaults.STANDARD;
        return new PlanDefaults(
                count(node, "maxNodes", s.maxNodes()),
                count(node, "maxMinutes", s.maxMinutes()),
                count(node, "threads", s.threads()),
                text(node, "split", s.split()),
                text(node, "command", s.command()),
                text(node, "target", s.target()),
                text(node, "vars", s.vars()),
                node.path("defer").isBoolean() ? node.get("defer").asBoolean() : s.defer());
    }

    private static int count(JsonNode node, String field, int fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isInt() && value.asInt() >= 0 ? value.asInt() : fallback;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }

    private static List<SavedHost> hosts(JsonNode root, Consumer<String> warn) {
        List<SavedHost> hosts = new ArrayList<>();
        for (JsonNode node : root.path("sshHosts")) {
            String destination = text(node, "destination", "");
            if (destination.isBlank()) {
                warn.accept("a saved SSH host without a destination is skipped: " + node);
                continue;
            }
            hosts.add(new SavedHost(destination, text(node, "remoteDir", ""), text(node, "dbt", "")));
        }
        return hosts;
    }

    private static Map<String, String> projects(JsonNode root, Consumer<String> warn) {
        Map<String, String> out = new LinkedHashMap<>();
        root.path("projects").properties().forEach(entry -> {
            String dbt = text(entry.getValue(), "dbt", "");
            if (dbt.isBlank()) {
                warn.accept("the project " + entry.getKey() + " has no dbt executable; skipped");
            } else {
                out.put(entry.getKey(), dbt);
            }
        });
        return out;
    }
}
