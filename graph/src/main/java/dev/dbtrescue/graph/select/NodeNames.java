// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import dev.dbtrescue.graph.Node;

/**
 * The names {@code dbt ls} prints for a node: {@code --output selector} (the default) and {@code --output name}.
 *
 * @see <a href="https://docs.getdbt.com/reference/commands/list">dbt ls</a>
 */
public final class NodeNames {

    private NodeNames() {}

    /**
     * The selector that selects exactly this node: {@code source:pkg.source.table}, {@code exposure:pkg.name} (and
     * likewise for metrics, saved queries, semantic models and unit tests), otherwise the fqn joined with dots.
     */
    public static String selector(Node node) {
        return switch (node.type()) {
            case SOURCE ->
                "source:" + node.packageName() + "."
                        + node.details().source().map(s -> s.sourceName()).orElse("") + "." + node.name();
            case EXPOSURE -> "exposure:" + node.packageName() + "." + node.name();
            case METRIC -> "metric:" + node.packageName() + "." + node.name();
            case SAVED_QUERY -> "saved_query:" + node.packageName() + "." + node.name();
            case SEMANTIC_MODEL -> "semantic_model:" + node.packageName() + "." + node.name();
            case UNIT_TEST -> "unit_test:" + node.packageName() + "." + node.name();
            default -> String.join(".", node.fqn());
        };
    }

    /**
     * The name {@code --output name} prints (dbt's {@code search_name}): {@code source.table} for sources,
     * {@code name.vN} for versioned models, else the node name.
     */
    public static String name(Node node) {
        if (node.details().source().isPresent()) {
            return node.details().source().get().sourceName() + "." + node.name();
        }
        if (node.type() == dev.dbtrescue.graph.NodeType.MODEL
                && node.details().version().isPresent()) {
            return node.name() + ".v" + node.details().version().get();
        }
        return node.name();
    }
}
