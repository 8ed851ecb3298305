// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import dev.dbtrescue.graph.NodeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses dbt's command-line selection syntax ({@code --select} / {@code --exclude}) into a {@link Selector}, exactly
 * as dbt 1.12 does: each argument is split on single spaces into union members, each member on commas into
 * intersection parts, and each part is one criterion {@code [@][N+][method[.arg...]:]value[+N]}.
 *
 * <p>Stateless and thread-safe.
 *
 * @see <a href="https://docs.getdbt.com/reference/node-selection/syntax">selection syntax</a>
 */
public final class SelectorParser {

    /** dbt's {@code RAW_SELECTOR_PATTERN}: anchored, method optional, shortest value. */
    private static final Pattern CRITERION = Pattern.compile(
            "\\A(?<at>@)?(?<parents>(?<parentsDepth>\\d*)\\+)?((?<method>[\\w.]+):)?(?<value>.*?)"
                    + "(?<children>\\+(?<childrenDepth>\\d*))?\\z",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);

    /** What dbt selects when {@code --select} is not given. */
    static final List<String> DEFAULT_INCLUDES =
            List.of("fqn:*", "source:*", "exposure:*", "metric:*", "semantic_model:*");

    private static final List<String> STATE_VALUES = List.of(
            "new",
            "old",
            "unmodified",
            "modified",
            "modified.body",
            "modified.configs",
            "modified.relation",
            "modified.persisted_descriptions",
            "modified.macros",
            "modified.contract");

    /**
     * Parses {@code --select} and {@code --exclude} values the way dbt's CLI does.
     *
     * @param select the {@code --select} values (each may hold several space-separated tokens); empty selects dbt's
     *     default ({@code fqn:* source:* exposure:* metric:* semantic_model:*})
     * @param exclude the {@code --exclude} values
     * @param mode the {@code --indirect-selection} mode
     * @throws SelectorSyntaxException if a criterion is not valid dbt syntax
     */
    public Selector parse(List<String> select, List<String> exclude, IndirectSelection mode)
            throws SelectorSyntaxException {
        // dbt builds its default selection without the "does not match any enabled nodes" check
        Selector included = select.isEmpty() ? union(DEFAULT_INCLUDES, mode, false) : union(select, mode, true);
        if (exclude.isEmpty()) {
            return included;
        }
        return new Selector.Difference(included, union(exclude, mode, true), Optional.of(mode));
    }

    /** As {@link #parse(List, List, IndirectSelection)} for one {@code --select} string and the default mode. */
    public Selector parse(String select) throws SelectorSyntaxException {
        return parse(List.of(select), List.of(), IndirectSelection.EAGER);
    }

    private Selector union(List<String> values, IndirectSelection mode, boolean warnIfEmpty)
            throws SelectorSyntaxException {
        List<Selector> members = new ArrayList<>();
        for (String value : values) {
            // dbt splits on single spaces: doubled spaces give an empty token that matches nothing
            for (String token : value.split(" ", -1)) {
                List<Selector> parts = new ArrayList<>();
                for (String part : token.split(",", -1)) {
                    parts.add(criterion(part, mode));
                }
                members.add(new Selector.Intersection(
                        parts, Optional.of(mode), warnIfEmpty ? Optional.of(token) : Optional.empty()));
            }
        }
        return new Selector.Union(members, Optional.of(mode));
    }

    /**
     * Parses one criterion.
     *
     * @throws SelectorSyntaxException if the method is unknown, a fixed-vocabulary value is invalid, or {@code @} is
     *     combined with a {@code +} suffix
     */
    public Selector.Criterion criterion(String text, IndirectSelection mode) throws SelectorSyntaxException {
        Matcher m = CRITERION.matcher(text);
        if (!m.matches()) {
            throw new SelectorSyntaxException("invalid selector '" + text + "'", text, 1, Optional.empty());
        }
        boolean at = m.group("at") != null;
        boolean children = m.group("children") != null;
        if (at && children) {
            throw new SelectorSyntaxException(
                    "the '@' prefix and a '+' suffix are incompatible in '" + text + "'",
                    text,
                    text.length(),
                    Optional.of(text.substring(0, text.lastIndexOf('+'))));
        }
        String value = m.group("value");
        String methodText = m.group("method");
        String method;
        List<String> arguments = List.of();
        int methodColumn = m.start("method") + 1;
        if (methodText == null) {
            method = defaultMethod(value);
        } else {
            List<String> parts = Arrays.asList(methodText.split("\\.", -1));
            method = parts.get(0);
            arguments = parts.subList(1, parts.size());
            if (SelectionMethod.fromDbt(method).isEmpty()) {
                throw new SelectorSyntaxException(
                        "unknown method '" + method + "'", text, methodColumn, closest(method, methodNames()));
            }
        }
        validateValue(SelectionMethod.fromDbt(method).orElseThrow(), value, text, m.start("value") + 1);
        return new Selector.Criterion(
                method,
                arguments,
                value,
                m.group("parents") == null ? -1 : depth(m.group("parentsDepth")),
                children ? depth(m.group("childrenDepth")) : -1,
                at,
                mode,
                text);
    }

    /** dbt's default method for a value without {@code method:}: path, then file, then fqn. */
    static String defaultMethod(String value) {
        if (value.contains("/")) {
            return "path";
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".sql") || lower.endsWith(".py") || lower.endsWith(".csv")) {
            return "file";
        }
        return "fqn";
    }

    private static int depth(String digits) {
        if (digits == null || digits.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // more hops than any graph has
        }
    }

    static void validateValue(SelectionMethod method, String value, String text, int column)
            throws SelectorSyntaxException {
        switch (method) {
            case RESOURCE_TYPE -> {
                if (Arrays.stream(NodeType.values())
                                .noneMatch(
                                        t -> t != NodeType.OTHER && t.dbtName().equals(value))
                        && !List.of("rpc", "doc", "macro", "group", "fixture").contains(value)) {
                    throw new SelectorSyntaxException(
                            "'" + value + "' is not a valid resource_type",
                            text,
                            column,
                            closest(
                                    value,
                                    Arrays.stream(NodeType.values())
                                            .map(NodeType::dbtName)
                                            .toList()));
                }
            }
            case TEST_TYPE -> {
                boolean known = value.equals("generic")
                        || value.equals("schema")
                        || "data".contains(value)
                        || "singular".contains(value)
                        || "unit".contains(value); // dbt tests `value in "data"`
                if (!known) {
                    throw new SelectorSyntaxException(
                            "'" + value + "' is not a valid test_type (generic, singular, data or unit)",
                            text,
                            column,
                            closest(value, List.of("generic", "singular", "data", "unit")));
                }
            }
            case VERSION -> {
                if (!List.of("latest", "prerelease", "old", "none").contains(value)) {
                    throw new SelectorSyntaxException(
                            "'" + value + "' is not a valid version selector (latest, prerelease, old or none)",
                            text,
                            column,
                            closest(value, List.of("latest", "prerelease", "old", "none")));
                }
            }
            case STATE -> {
                if (!STATE_VALUES.contains(value)) {
                    throw new SelectorSyntaxException(
                            "'" + value + "' is not a valid state selector",
                            text,
                            column,
                            closest(value, STATE_VALUES));
                }
            }
            case SOURCE -> {
                if (value.split("\\.", -1).length > 3) {
                    throw new SelectorSyntaxException(
                            "source selector '" + value + "' has more than 3 parts (package.source.table)",
                            text,
                            column,
                            Optional.empty());
                }
            }
            case EXPOSURE, METRIC, SEMANTIC_MODEL, SAVED_QUERY, UNIT_TEST -> {
                if (value.split("\\.", -1).length > 2) {
                    throw new SelectorSyntaxException(
                            method.dbtName() + " selector '" + value + "' has more than 2 parts (package.name)",
                            text,
                            column,
                            Optional.empty());
                }
            }
            default -> {
                // free-form values
            }
        }
    }

    private static List<String> methodNames() {
        return Arrays.stream(SelectionMethod.values())
                .map(SelectionMethod::dbtName)
                .toList();
    }

    /** The candidate within two edits of {@code word}, preferring the closest; empty when none is that close. */
    public static Optional<String> closest(String word, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word.toLowerCase(Locale.ROOT), candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(2, word.length() / 3));
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Edit distance where swapping two adjacent letters counts as one edit (typing slips). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
