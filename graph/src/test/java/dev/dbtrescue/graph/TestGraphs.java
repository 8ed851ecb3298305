// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny DSL for test graphs: {@code TestGraphs.of("source:raw.orders -> stg_orders", "stg_orders -> orders")}.
 *
 * <p>Each argument is a chain {@code a -> b -> c}. A bare name is a model of package {@code shop}; prefixes make other
 * types: {@code seed:}, {@code snapshot:}, {@code source:src.table}, {@code test:}, {@code unit:}, {@code exposure:},
 * {@code ephemeral:} (an ephemeral model). Node ids follow dbt's formats.
 */
public final class TestGraphs {

    private TestGraphs() {}

    /** The graph of the given chains. */
    public static LineageGraph of(String... chains) {
        return LineageGraph.of(nodes(chains));
    }

    /** The nodes of the given chains, in first-mention order. */
    public static List<Node> nodes(String... chains) {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        for (String chain : chains) {
            String[] names = chain.split("->");
            String previous = null;
            for (String raw : names) {
                String name = raw.strip();
                parents.computeIfAbsent(name, k -> new ArrayList<>());
                if (previous != null) {
                    parents.get(name).add(previous);
                }
                previous = name;
            }
        }
        List<Node> nodes = new ArrayList<>();
        parents.forEach((name, ps) ->
                nodes.add(node(name, ps.stream().map(TestGraphs::id).toList())));
        return nodes;
    }

    /** The unique_id the DSL gives a name. */
    public static NodeId id(String dslName) {
        String[] parts = dslName.split(":", 2);
        if (parts.length == 1) {
            return NodeId.of("model.shop." + dslName);
        }
        return switch (parts[0]) {
            case "seed" -> NodeId.of("seed.shop." + parts[1]);
            case "snapshot" -> NodeId.of("snapshot.shop." + parts[1]);
            case "source" -> NodeId.of("source.shop." + parts[1]);
            case "test" -> NodeId.of("test.shop." + parts[1]);
            case "unit" -> NodeId.of("unit_test.shop." + parts[1]);
            case "exposure" -> NodeId.of("exposure.shop." + parts[1]);
            case "ephemeral" -> NodeId.of("model.shop." + parts[1]);
            default -> throw new IllegalArgumentException("unknown DSL prefix in " + dslName);
        };
    }

    private static Node node(String dslName, List<NodeId> parents) {
        String[] parts = dslName.split(":", 2);
        String prefix = parts.length == 1 ? "model" : parts[0];
        String name = parts.length == 1 ? parts[0] : parts[1];
        NodeType type = switch (prefix) {
            case "seed" -> NodeType.SEED;
            case "snapshot" -> NodeType.SNAPSHOT;
            case "source" -> NodeType.SOURCE;
            case "test" -> NodeType.TEST;
            case "unit" -> NodeType.UNIT_TEST;
            case "exposure" -> NodeType.EXPOSURE;
            default -> NodeType.MODEL;
        };
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        if (type == NodeType.MODEL) {
            config.put("materialized", "ephemeral".equals(prefix) ? "ephemeral" : "view");
        }
        String shortName = type == NodeType.SOURCE ? name.substring(name.indexOf('.') + 1) : name;
        return new Node(
                id(dslName),
                type,
                shortName,
                "shop",
                List.of("shop", shortName),
                new NodeLocation(shortName + ".sql", "models/" + shortName + ".sql", Optional.empty()),
                Relation.NONE,
                List.of(),
                new NodeConfig(config),
                NodeConfig.EMPTY,
                new Dependencies(parents, List.of()),
                Checksum.NONE,
                List.of(),
                NodeDetails.NONE,
                CodeLocation.NONE);
    }
}
