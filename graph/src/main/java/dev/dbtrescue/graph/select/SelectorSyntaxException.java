// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import java.util.Objects;
import java.util.Optional;

/**
 * A selector that dbt would reject (exit 2): unknown method, bad value for a method with a fixed vocabulary,
 * incompatible operators. The message says where and, when there is a likely intent, suggests it.
 */
public final class SelectorSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String selector;
    private final int column;
    private final transient Optional<String> suggestion;

    /**
     * @param problem what is wrong, e.g. {@code unknown method 'tagg'}
     * @param selector the criterion as typed
     * @param column the 1-based column of the problem in {@code selector}, or 0 when the problem is not at a place in
     *     the text (a missing --state, an unknown selector name)
     * @param suggestion what the user probably meant, e.g. {@code tag}
     */
    public SelectorSyntaxException(String problem, String selector, int column, Optional<String> suggestion) {
        super(problem
                + (column > 0 ? " at column " + column : "")
                + suggestion.map(s -> " — did you mean '" + s + "'?").orElse(""));
        this.selector = Objects.requireNonNull(selector, "selector");
        this.column = column;
        this.suggestion = Objects.requireNonNull(suggestion, "suggestion");
    }

    /** The criterion as typed. */
    public String selector() {
        return selector;
    }

    /** The 1-based column of the problem, 0 when it has no place in the text. */
    public int column() {
        return column;
    }

    /** The likely intent, when there is one. */
    public Optional<String> suggestion() {
        return suggestion;
    }
}
