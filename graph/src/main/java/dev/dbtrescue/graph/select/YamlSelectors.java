// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a YAML selector definition (as {@code selectors.yml} gives it, or as dbt normalised it into the manifest's
 * {@code selectors}) into a {@link Selector}, the way dbt's {@code parse_from_definition} does.
 *
 * <p>Forms: a CLI-style string (one criterion, no spaces or commas interpreted); {@code {method: value}}; a full
 * dict with {@code method}, {@code value}, {@code parents}, {@code parents_depth}, {@code children},
 * {@code children_depth}, {@code childrens_parents}, {@code indirect_selection} and {@code exclude};
 * {@code {union: [...]}} and {@code {intersection: [...]}}, where one item may be {@code {exclude: [...]}}. YAML
 * groups do not promote indirectly selected tests (they behave as eager), unlike CLI groups.
 *
 * @see <a href="https://docs.getdbt.com/reference/node-selection/yaml-selectors">YAML selectors</a>
 */
public final class YamlSelectors {

    private YamlSelectors() {}

    /**
     * The selector named {@code name} among {@code selectors} (name → entry with a {@code definition}).
     *
     * @param mode the {@code --indirect-selection} flag, which criteria use unless they set their own
     * @throws SelectorSyntaxException if there is no such selector or its definition is not valid
     */
    public static Selector named(String name, Map<String, JsonNode> selectors, IndirectSelection mode)
            throws SelectorSyntaxException {
        JsonNode entry = selectors.get(name);
        if (entry == null) {
            throw new SelectorSyntaxException(
                    "no selector named '" + name + "' in the project's selectors.yml",
                    name,
                    0,
                    SelectorParser.closest(name, List.copyOf(selectors.keySet())));
        }
        return parse(entry.path("definition"), mode, true);
    }

    /** The name of the selector marked {@code default: true}, if any. */
    public static Optional<String> defaultSelector(Map<String, JsonNode> selectors) {
        return selectors.entrySet().stream()
                .filter(e -> e.getValue().path("default").asBoolean(false))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    static Selector parse(JsonNode definition, IndirectSelection mode, boolean root) throws SelectorSyntaxException {
        if (definition.isTextual()) {
            return new SelectorParser().criterion(definition.asText(), mode);
        }
        if (!definition.isObject()) {
            throw invalid("a selector definition must be a string or a mapping, not " + definition, definition);
        }
        boolean union = definition.has("union");
        boolean intersection = definition.has("intersection");
        if ((union || intersection) && root && definition.size() > 1) {
            throw invalid(
                    "only a single 'union' or 'intersection' key is allowed at the root of a selector", definition);
        }
        if (union || intersection) {
            List<Selector> include = new ArrayList<>();
            Selector exclude = null;
            for (JsonNode item : list(definition.path(union ? "union" : "intersection"))) {
                if (item.isObject() && item.has("exclude")) {
                    if (exclude != null) {
                        throw invalid("only one 'exclude' may stand at one level of a selector", definition);
                    }
                    exclude = exclusions(item, mode);
                } else {
                    include.add(parse(item, mode, false));
                }
            }
            Selector group = union
                    ? new Selector.Union(include, Optional.empty())
                    : new Selector.Intersection(include, Optional.empty(), Optional.empty());
            return exclude == null ? group : new Selector.Difference(group, exclude, Optional.empty());
        }
        return dict(definition, mode);
    }

    private static Selector dict(JsonNode definition, IndirectSelection mode) throws SelectorSyntaxException {
        String method;
        String value;
        Selector exclude = null;
        if (definition.size() == 1) {
            Map.Entry<String, JsonNode> only =
                    definition.properties().iterator().next();
            method = only.getKey();
            value = pythonText(only.getValue());
        } else if (definition.has("method") && definition.has("value")) {
            method = definition.get("method").asText();
            value = pythonText(definition.get("value"));
            if (definition.has("exclude")) {
                exclude = exclusions(definition, mode);
            }
        } else {
            throw invalid("a selector mapping needs 'method' and 'value' (or a single method: value pair)", definition);
        }
        String[] methodParts = method.split("\\.", -1);
        if (SelectionMethod.fromDbt(methodParts[0]).isEmpty()) {
            throw new SelectorSyntaxException(
                    "unknown method '" + methodParts[0] + "' in a YAML selector",
                    method + ":" + value,
                    1,
                    SelectorParser.closest(
                            methodParts[0],
                            List.of(SelectionMethod.values()).stream()
                                    .map(SelectionMethod::dbtName)
                                    .toList()));
        }
        SelectorParser.validateValue(
                SelectionMethod.fromDbt(methodParts[0]).orElseThrow(), value, method + ":" + value, 0);
        IndirectSelection indirect = definition.has("indirect_selection")
                ? IndirectSelection.fromDbt(definition.get("indirect_selection").asText())
                        .orElseThrow(() -> invalid(
                                "unknown indirect_selection '"
                                        + definition.get("indirect_selection").asText() + "'",
                                definition))
                : mode;
        Selector criterion = new Selector.Criterion(
                methodParts[0],
                List.of(methodParts).subList(1, methodParts.length),
                value,
                definition.path("parents").asBoolean(false) ? depth(definition.get("parents_depth")) : -1,
                definition.path("children").asBoolean(false) ? depth(definition.get("children_depth")) : -1,
                definition.path("childrens_parents").asBoolean(false),
                indirect,
                method + ":" + value);
        return exclude == null ? criterion : new Selector.Difference(criterion, exclude, Optional.empty());
    }

    private static Selector exclusions(JsonNode definition, IndirectSelection mode) throws SelectorSyntaxException {
        List<Selector> parts = new ArrayList<>();
        for (JsonNode item : list(definition.path("exclude"))) {
            parts.add(parse(item, mode, false));
        }
        return parts.size() == 1 ? parts.get(0) : new Selector.Union(parts, Optional.empty());
    }

    /**
     * dbt's {@code _match_to_int}: a falsy depth (absent, null, {@code 0}, {@code ""}, {@code false}) means
     * unlimited; anything else is parsed, so the text {@code "0"} (how CLI-style selectors are stored in the
     * manifest) means zero hops.
     */
    private static int depth(JsonNode value) throws SelectorSyntaxException {
        if (value == null
                || value.isNull()
                || value.isMissingNode()
                || (value.isNumber() && value.asDouble() == 0)
                || (value.isTextual() && value.asText().isEmpty())
                || (value.isBoolean() && !value.booleanValue())) {
            return Integer.MAX_VALUE;
        }
        try {
            return value.isNumber()
                    ? value.asInt()
                    : Integer.parseInt(value.asText().strip());
        } catch (NumberFormatException e) {
            throw new SelectorSyntaxException(
                    "Invalid node spec - could not handle parent depth " + value.asText(),
                    value.asText(),
                    0,
                    Optional.empty());
        }
    }

    /** How Python's {@code str()} shows a YAML scalar (booleans as {@code True}/{@code False}). */
    private static String pythonText(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        return value.asText();
    }

    private static List<JsonNode> list(JsonNode node) throws SelectorSyntaxException {
        if (!node.isArray()) {
            throw invalid("expected a list, got " + node, node);
        }
        List<JsonNode> items = new ArrayList<>();
        Iterator<JsonNode> it = node.elements();
        it.forEachRemaining(items::add);
        return items;
    }

    private static SelectorSyntaxException invalid(String problem, JsonNode definition) {
        return new SelectorSyntaxException(problem, definition.toString(), 1, Optional.empty());
    }
}
