// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.NodeType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The dbt command a plan's batches run, with the resource types dbt 1.12 keeps for it (reference §4.9). */
public enum DbtVerb {
    BUILD(EnumSet.of(
            NodeType.MODEL,
            NodeType.SEED,
            NodeType.SNAPSHOT,
            NodeType.TEST,
            NodeType.UNIT_TEST,
            NodeType.SAVED_QUERY,
            NodeType.EXPOSURE,
            NodeType.FUNCTION)),
    RUN(EnumSet.of(NodeType.MODEL)),
    TEST(EnumSet.of(NodeType.TEST, NodeType.UNIT_TEST)),
    SEED(EnumSet.of(NodeType.SEED)),
    SNAPSHOT(EnumSet.of(NodeType.SNAPSHOT));

    private final Set<NodeType> types;

    DbtVerb(Set<NodeType> types) {
        this.types = types;
    }

    /** The word on dbt's command line: {@code build}, {@code run}, ... */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The resource types this command executes; selected resources of other types are not run by it. */
    public Set<NodeType> types() {
        return EnumSet.copyOf(types);
    }

    /** True if the command executes resources of this type. */
    public boolean runs(NodeType type) {
        return types.contains(type);
    }

    /** The command for a word, case-insensitive; empty when dbt-rescue does not plan that command. */
    public static Optional<DbtVerb> fromDbt(String word) {
        for (DbtVerb verb : values()) {
            if (verb.dbtName().equalsIgnoreCase(word.strip())) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }
}
