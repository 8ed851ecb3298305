// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

/**
 * Where a node's SQL sits inside the artifact it was read from, so that it can be loaded on demand instead of being
 * held in memory for every node.
 *
 * @param rawCodeOffset byte offset of the {@code raw_code} (or {@code raw_sql}) string token, or -1
 * @param compiledCodeOffset byte offset of the {@code compiled_code} (or {@code compiled_sql}) string token, or -1
 */
public record CodeLocation(long rawCodeOffset, long compiledCodeOffset) {

    /** No code in the artifact. */
    public static final CodeLocation NONE = new CodeLocation(-1, -1);
}
