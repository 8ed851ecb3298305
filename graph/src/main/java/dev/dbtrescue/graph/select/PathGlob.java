// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import dev.dbtrescue.graph.internal.Glob;

/**
 * Python {@code pathlib} glob semantics for {@code path:} selectors: segments are separated by {@code /}, a wildcard
 * stays inside its segment, and {@code **} stands for zero or more whole segments.
 */
final class PathGlob {

    private PathGlob() {}

    /** True if the relative {@code path} matches {@code pattern}. */
    static boolean matches(String pattern, String path) {
        if (!Glob.hasWildcard(pattern)) {
            return pattern.equals(path);
        }
        return match(pattern.split("/", -1), 0, path.split("/", -1), 0);
    }

    private static boolean match(String[] pattern, int p, String[] path, int q) {
        if (p == pattern.length) {
            return q == path.length;
        }
        if (pattern[p].equals("**")) {
            for (int skip = q; skip <= path.length; skip++) {
                if (match(pattern, p + 1, path, skip)) {
                    return true;
                }
            }
            return false;
        }
        return q < path.length && Glob.matches(pattern[p], path[q]) && match(pattern, p + 1, path, q + 1);
    }
}
