// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.Macro;
import dev.dbtrescue.graph.manifest.Manifest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * dbt's {@code state:} checks between the current manifest and a state (production) manifest, following dbt 1.12's
 * {@code StateSelectorMethod} and the {@code same_*} methods of its node classes (dbt-reference §5): {@code new},
 * {@code old}, {@code modified} (content, upstream macros, contract) and its sub-selectors, {@code unmodified}.
 * Fields dbt-rescue does not keep in memory (descriptions, contracts, source quoting...) are read from the two
 * manifests' node dictionaries on demand.
 */
final class StateComparator {

    /** Config keys dbt's {@code BaseConfig.same_contents} ignores (CompareBehavior.Exclude). */
    private static final Set<String> EXCLUDED_CONFIG = Set.of("alias", "schema", "database", "tags", "group");

    private final LineageGraph graph;
    private final Manifest current;
    private final Manifest previous;
    private final Set<String> modifiedMacros;

    StateComparator(LineageGraph graph, Manifest current, Manifest previous) {
        this.graph = graph;
        this.current = current;
        this.previous = previous;
        this.modifiedMacros = modifiedMacros(current.macros(), previous.macros());
    }

    /** Results per state: value, computed once per comparator (the graph and both manifests are immutable). */
    private final Map<String, BitSet> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The nodes a {@code state:} value selects (a copy the caller may change). O(V) the first time per value. */
    BitSet select(String value) {
        return (BitSet) cache.computeIfAbsent(value, this::compute).clone();
    }

    private BitSet compute(String value) {
        BitSet out = new BitSet(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            Node node = graph.nodeAt(i);
            Optional<Node> old = previous.node(node.id());
            if (check(value, node, old)) {
                out.set(i);
            }
        }
        return out;
    }

    private boolean check(String value, Node node, Optional<Node> old) {
        return switch (value) {
            case "new" -> old.isEmpty();
            case "old" -> old.isPresent();
            case "modified" -> modified(node, old);
            case "unmodified" -> !modified(node, old);
            case "modified.body" -> node.type().isParsedNode() && (old.isEmpty() || !sameBody(node, old.get()));
            case "modified.configs" -> hasConfigCheck(node) && (old.isEmpty() || !sameConfig(node, old.get()));
            case "modified.persisted_descriptions" ->
                node.type().isParsedNode() && (old.isEmpty() || !samePersistedDescriptions(node, old.get()));
            case "modified.relation" ->
                (node.type().isParsedNode() || node.type() == NodeType.SOURCE)
                        && (old.isEmpty() || !sameRelation(node, old.get()));
            case "modified.macros" -> macrosModified(node);
            case "modified.contract" -> node.type().isParsedNode() && (old.isEmpty() || !sameContract(node, old.get()));
            default -> false;
        };
    }

    /**
     * Why the node is new or modified, in check order; empty when it is neither. Consistent with {@code state:new}
     * and {@code state:modified}: a new source, exposure, metric, semantic model or saved query gives {@code NEW}
     * though dbt does not count it as modified.
     */
    List<StateReason> reasons(Node node) {
        Optional<Node> maybeOld = previous.node(node.id());
        List<StateReason> reasons = new ArrayList<>();
        if (maybeOld.isEmpty()) {
            reasons.add(new StateReason(StateReason.Kind.NEW, ""));
            macroCause(node).ifPresent(m -> reasons.add(new StateReason(StateReason.Kind.MACRO, m)));
            return reasons;
        }
        Node old = maybeOld.get();
        if (!sameContents(node, maybeOld)) {
            contentReasons(node, old, reasons);
        }
        macroCause(node).ifPresent(m -> reasons.add(new StateReason(StateReason.Kind.MACRO, m)));
        if (old.type() == NodeType.MODEL && !sameContract(node, old)) {
            reasons.add(new StateReason(StateReason.Kind.CONTRACT, ""));
        }
        return reasons;
    }

    /** Which parts of the content differ, once {@link #sameContents} said something does. */
    private void contentReasons(Node node, Node old, List<StateReason> reasons) {
        if (node.type().isParsedNode()
                && !(node.type() == NodeType.TEST && node.isGenericTest())
                && !sameBody(node, old)) {
            reasons.add(new StateReason(StateReason.Kind.BODY, ""));
        }
        if (hasConfigCheck(node)) {
            configDifferences(node, old).forEach(k -> reasons.add(new StateReason(StateReason.Kind.CONFIG, k)));
        }
        if ((node.type().isParsedNode() || node.type() == NodeType.SOURCE) && !sameRelation(node, old)) {
            reasons.add(new StateReason(StateReason.Kind.RELATION, ""));
        }
        if (node.type().isParsedNode() && !samePersistedDescriptions(node, old)) {
            reasons.add(new StateReason(StateReason.Kind.PERSISTED_DESCRIPTIONS, ""));
        }
        if (!node.fqn().equals(old.fqn())) {
            reasons.add(new StateReason(
                    StateReason.Kind.FQN, String.join(".", old.fqn()) + " -> " + String.join(".", node.fqn())));
        }
        if (node.type() == NodeType.MODEL && !sameRefRepresentation(node, old)) {
            reasons.add(new StateReason(StateReason.Kind.REF_REPRESENTATION, ""));
        }
        if (reasons.isEmpty()) {
            reasons.add(new StateReason(StateReason.Kind.PROPERTY, node.type().dbtName() + " definition"));
        }
    }

    /** dbt's {@code check_modified_content}: different contents, or an upstream macro changed, or the contract. */
    private boolean modified(Node node, Optional<Node> old) {
        boolean contractChanged = old.filter(o -> o.type() == NodeType.MODEL)
                .map(o -> !sameContract(node, o))
                .orElse(false);
        return !sameContents(node, old) || macrosModified(node) || contractChanged;
    }

    private boolean sameContents(Node node, Optional<Node> maybeOld) {
        switch (node.type()) {
            case SOURCE, EXPOSURE, METRIC, SEMANTIC_MODEL, SAVED_QUERY -> {
                // dbt's quirk: a brand-new source/exposure/metric/... is not "modified" (only state:new)
                if (maybeOld.isEmpty()) {
                    return true;
                }
            }
            default -> {
                if (maybeOld.isEmpty()) {
                    return false;
                }
            }
        }
        Node old = maybeOld.get();
        return switch (node.type()) {
            case UNIT_TEST -> node.checksum().value().equals(old.checksum().value());
            case SOURCE ->
                sameRelation(node, old)
                        && node.fqn().equals(old.fqn())
                        && sameConfig(node, old)
                        && node.details()
                                .source()
                                .map(s -> nullish(s.freshness()))
                                .equals(old.details().source().map(s -> nullish(s.freshness())))
                        && node.details()
                                .source()
                                .map(s -> s.loadedAtField())
                                .equals(old.details().source().map(s -> s.loadedAtField()))
                        && node.details()
                                .source()
                                .map(s -> s.compared())
                                .equals(old.details().source().map(s -> s.compared()));
            case EXPOSURE ->
                node.fqn().equals(old.fqn())
                        && node.details().exposure().equals(old.details().exposure())
                        && node.details().description().equals(old.details().description())
                        && Set.copyOf(node.dependsOn().nodes())
                                .equals(Set.copyOf(old.dependsOn().nodes()))
                        && sameConfig(node, old);
            case METRIC -> sameFields(node, old, List.of("type", "description", "label")) && sameConfig(node, old);
            case SEMANTIC_MODEL ->
                sameFields(
                        node,
                        old,
                        List.of(
                                "model",
                                "description",
                                "defaults",
                                "entities",
                                "dimensions",
                                "measures",
                                "config",
                                "primary_entity",
                                "group"));
            case SAVED_QUERY ->
                sameFields(
                        node,
                        old,
                        List.of("query_params", "description", "label", "config", "group", "exports", "tags"));
            case TEST ->
                node.isGenericTest() ? sameConfig(node, old) && node.fqn().equals(old.fqn()) : sameParsed(node, old);
            default -> sameParsed(node, old) && (node.type() != NodeType.MODEL || sameRefRepresentation(node, old));
        };
    }

    /** {@code ParsedNode.same_contents}. */
    private boolean sameParsed(Node node, Node old) {
        return sameBody(node, old)
                && sameConfig(node, old)
                && samePersistedDescriptions(node, old)
                && node.fqn().equals(old.fqn())
                && sameRelation(node, old);
    }

    private boolean sameRefRepresentation(Node node, Node old) {
        return node.details().latestVersion().equals(old.details().latestVersion())
                && node.details().access().equals(old.details().access())
                && node.details().deprecationDate().equals(old.details().deprecationDate());
    }

    private static boolean hasConfigCheck(Node node) {
        return node.type().isParsedNode()
                || switch (node.type()) {
                    case SOURCE, EXPOSURE, METRIC, SEMANTIC_MODEL, SAVED_QUERY -> true;
                    default -> false;
                };
    }

    /** Seeds compare their file checksum; everything else its {@code raw_code}, exactly. */
    private boolean sameBody(Node node, Node old) {
        if (node.type() == NodeType.SEED) {
            return node.checksum().equals(old.checksum());
        }
        if (node.checksum().sameAs(old.checksum())) {
            return true; // the file is byte-identical, so is its code
        }
        return current.rawCode(node.id()).equals(previous.rawCode(old.id()));
    }

    /** {@code BaseConfig.same_contents} over {@code unrendered_config}, without the excluded keys. */
    private static boolean sameConfig(Node node, Node old) {
        return configDifferences(node, old).isEmpty();
    }

    /** The unrendered config keys (not excluded) that differ, sorted. */
    private static List<String> configDifferences(Node node, Node old) {
        JsonNode mine = node.unrenderedConfig().json();
        JsonNode theirs = old.unrenderedConfig().json();
        Set<String> keys = new java.util.TreeSet<>();
        mine.fieldNames().forEachRemaining(keys::add);
        theirs.fieldNames().forEachRemaining(keys::add);
        List<String> differing = new ArrayList<>();
        for (String key : keys) {
            if (EXCLUDED_CONFIG.contains(key)) {
                continue;
            }
            if (mine.has(key) != theirs.has(key)
                    || (mine.has(key) && !mine.get(key).equals(theirs.get(key)))) {
                differing.add(key);
            }
        }
        return differing;
    }

    /** {@code same_database_representation}: unrendered database, schema and alias; sources also identifier. */
    private boolean sameRelation(Node node, Node old) {
        if (node.type() == NodeType.SOURCE) {
            JsonNode mine = node.details().source().map(s -> s.compared()).orElse(MissingNode.getInstance());
            JsonNode theirs = old.details().source().map(s -> s.compared()).orElse(MissingNode.getInstance());
            for (String key : List.of("unrendered_database", "unrendered_schema", "identifier")) {
                if (!nullish(mine.path(key)).equals(nullish(theirs.path(key)))) {
                    return false;
                }
            }
            return true;
        }
        for (String key : List.of("database", "schema", "alias")) {
            JsonNode mine = node.unrenderedConfig().json().path(key);
            JsonNode theirs = old.unrenderedConfig().json().path(key);
            if (!nullish(mine).equals(nullish(theirs))) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code dict.get}: absent and null are both None. */
    private static JsonNode nullish(JsonNode value) {
        return value.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value;
    }

    private boolean samePersistedDescriptions(Node node, Node old) {
        boolean relation = node.config()
                .get("persist_docs.relation")
                .map(JsonNode::asBoolean)
                .orElse(false);
        boolean columns = node.config()
                .get("persist_docs.columns")
                .map(JsonNode::asBoolean)
                .orElse(false);
        if (!relation && !columns) {
            return true;
        }
        JsonNode mine = dict(current, node);
        JsonNode theirs = dict(previous, old);
        if (relation && !mine.path("description").equals(theirs.path("description"))) {
            return false;
        }
        return !columns || columnDescriptions(mine).equals(columnDescriptions(theirs));
    }

    private static Map<String, String> columnDescriptions(JsonNode dict) {
        Map<String, String> out = new java.util.HashMap<>();
        dict.path("columns")
                .properties()
                .forEach(e ->
                        out.put(e.getKey(), e.getValue().path("description").asText()));
        return out;
    }

    /** {@code ModelNode.same_contract}; other nodes always have the same contract. */
    private boolean sameContract(Node node, Node old) {
        if (node.type() != NodeType.MODEL || old.type() != NodeType.MODEL) {
            return true;
        }
        boolean enforcedNow =
                node.config().get("contract.enforced").map(JsonNode::asBoolean).orElse(false);
        boolean enforcedBefore =
                old.config().get("contract.enforced").map(JsonNode::asBoolean).orElse(false);
        if (!enforcedNow && !enforcedBefore) {
            return true; // the common case, decided without reading the manifests
        }
        JsonNode mine = dict(current, node).path("contract");
        JsonNode theirs = dict(previous, old).path("contract");
        boolean enforced = mine.path("enforced").asBoolean(false);
        boolean wasEnforced = theirs.path("enforced").asBoolean(false);
        if (!enforced && !wasEnforced) {
            return true;
        }
        return enforced == wasEnforced && mine.path("checksum").equals(theirs.path("checksum"));
    }

    private boolean sameFields(Node node, Node old, List<String> fields) {
        JsonNode mine = dict(current, node);
        JsonNode theirs = dict(previous, old);
        for (String field : fields) {
            if (!nullish(mine.path(field)).equals(nullish(theirs.path(field)))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode dict(Manifest manifest, Node node) {
        return manifest.nodeJson(node.id()).orElse(MissingNode.getInstance());
    }

    /** dbt's macro walk: a macro the node calls, directly or through other macros, changed. */
    private boolean macrosModified(Node node) {
        return macroCause(node).isPresent();
    }

    /** The first changed macro found on the node's macro walk. */
    private Optional<String> macroCause(Node node) {
        if (modifiedMacros.isEmpty() || node.type() == NodeType.SOURCE) {
            return Optional.empty();
        }
        Set<String> visited = new HashSet<>();
        java.util.ArrayDeque<String> stack =
                new java.util.ArrayDeque<>(node.dependsOn().macros());
        while (!stack.isEmpty()) {
            String id = stack.pop();
            if (!visited.add(id)) {
                continue;
            }
            if (modifiedMacros.contains(id)) {
                return Optional.of(id);
            }
            Macro macro = current.macros().get(id);
            if (macro != null) {
                stack.addAll(macro.dependsOnMacros());
            }
        }
        return Optional.empty();
    }

    private static Set<String> modifiedMacros(Map<String, Macro> now, Map<String, Macro> before) {
        Set<String> changed = new HashSet<>();
        now.forEach((id, macro) -> {
            Macro old = before.get(id);
            if (old == null || !old.sqlHash().equals(macro.sqlHash())) {
                changed.add(id);
            }
        });
        before.keySet().stream().filter(id -> !now.containsKey(id)).forEach(changed::add);
        return changed;
    }
}
