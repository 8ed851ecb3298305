// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed selection: one criterion, or a set operation over selections. Mirrors dbt's selection spec; every group
 * carries the indirect-selection mode it applies at its level (CLI groups carry the flag, YAML groups none).
 */
public sealed interface Selector {

    /**
     * One criterion such as {@code 2+tag:nightly+} or {@code @orders}.
     *
     * @param method the method name ({@code fqn} for bare values)
     * @param arguments the dotted method arguments ({@code config.materialized} → {@code [materialized]})
     * @param value the value to match
     * @param parentsDepth ancestors to add: -1 none, {@link Integer#MAX_VALUE} all, else that many hops
     * @param childrenDepth descendants to add, likewise
     * @param childrensParents {@code @}: the descendants and all their ancestors
     * @param indirect the indirect-selection mode for this criterion
     * @param text the criterion as written, for messages
     */
    record Criterion(
            String method,
            List<String> arguments,
            String value,
            int parentsDepth,
            int childrenDepth,
            boolean childrensParents,
            IndirectSelection indirect,
            String text)
            implements Selector {

        public Criterion {
            Objects.requireNonNull(method, "method");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(indirect, "indirect");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Nodes selected by any member.
     *
     * @param members the members
     * @param promotion the mode used to promote indirectly selected tests at this level, empty for none (eager)
     */
    record Union(List<Selector> members, Optional<IndirectSelection> promotion) implements Selector {
        public Union {
            members = List.copyOf(members);
            Objects.requireNonNull(promotion, "promotion");
        }
    }

    /**
     * Nodes selected by every member.
     *
     * @param members the members
     * @param promotion as for {@link Union}
     * @param warnIfEmpty the text to name in dbt's "does not match any enabled nodes" warning when the result is
     *     empty (each top-level token of {@code --select} and {@code --exclude}); empty for no warning
     */
    record Intersection(List<Selector> members, Optional<IndirectSelection> promotion, Optional<String> warnIfEmpty)
            implements Selector {
        public Intersection {
            members = List.copyOf(members);
            Objects.requireNonNull(promotion, "promotion");
            Objects.requireNonNull(warnIfEmpty, "warnIfEmpty");
        }
    }

    /**
     * Nodes of {@code include} not selected by {@code exclude}.
     *
     * @param include what is selected
     * @param exclude what is taken away
     * @param promotion as for {@link Union}
     */
    record Difference(Selector include, Selector exclude, Optional<IndirectSelection> promotion) implements Selector {
        public Difference {
            Objects.requireNonNull(include, "include");
            Objects.requireNonNull(exclude, "exclude");
            Objects.requireNonNull(promotion, "promotion");
        }
    }
}
