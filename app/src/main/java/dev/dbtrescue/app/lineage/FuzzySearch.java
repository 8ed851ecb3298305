// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Fuzzy node search by name, unique_id and file path, the way people type during an incident: a prefix, a piece of
 * the name, or the letters in order ({@code fctpay} finds {@code fct_payments}). Every word of the query must match
 * one of the fields. Exact and prefix matches of the name rank first. Immutable after construction and thread-safe;
 * a search is O(nodes × field length).
 */
public final class FuzzySearch {

    /** One match. */
    public record Hit(int graphIndex, String name, String detail, int score) {}

    private static final int[] FIELD_WEIGHT = {30, 20, 10};

    private final LineageGraph graph;
    private final String[][] fields;

    /** Indexes every node of the graph. */
    public FuzzySearch(LineageGraph graph) {
        this.graph = graph;
        this.fields = new String[graph.size()][];
        for (int i = 0; i < graph.size(); i++) {
            Node node = graph.nodeAt(i);
            fields[i] = new String[] {
                lower(node.displayName()),
                lower(node.id().toString()),
                lower(node.location().originalFilePath())
            };
        }
    }

    /** The best matches, best first, at most {@code limit}; empty for a blank query. */
    public List<Hit> search(String query, int limit) {
        String[] words = lower(query).trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            int total = 0;
            for (String word : words) {
                int best = 0;
                for (int f = 0; f < 3; f++) {
                    int s = score(fields[i][f], word);
                    if (s > 0) {
                        best = Math.max(best, s + FIELD_WEIGHT[f]);
                    }
                }
                if (best == 0) {
                    total = 0;
                    break;
                }
                total += best;
            }
            if (total > 0) {
                Node node = graph.nodeAt(i);
                hits.add(new Hit(i, node.displayName(), node.type().dbtName() + " · " + node.id(), total));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score)
                .reversed()
                .thenComparingInt(h -> h.name().length())
                .thenComparing(Hit::name));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    /** 0 when the word does not match the field; higher for exact, prefix, substring, then in-order letters. */
    static int score(String field, String word) {
        if (field.equals(word)) {
            return 1000;
        }
        if (field.startsWith(word)) {
            return 800 - Math.min(100, field.length() - word.length());
        }
        int at = field.indexOf(word);
        if (at >= 0) {
            boolean wordStart = at > 0 && !Character.isLetterOrDigit(field.charAt(at - 1));
            return (wordStart ? 700 : 600) - Math.min(100, at);
        }
        int gaps = 0;
        int k = 0;
        int last = -1;
        for (int i = 0; i < field.length() && k < word.length(); i++) {
            if (field.charAt(i) == word.charAt(k)) {
                if (last >= 0 && i > last + 1) {
                    gaps++;
                }
                last = i;
                k++;
            }
        }
        return k == word.length() ? Math.max(1, 300 - 10 * gaps) : 0;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
