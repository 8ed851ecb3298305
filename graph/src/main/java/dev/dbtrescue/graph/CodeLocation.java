// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

/**
 * Where a node and its SQL sit inside the artifact it was read from, so that they can be loaded on demand instead of
 * being held in memory for every node.
 *
 * @param nodeOffset byte offset of the node's whole JSON object, or -1
 * @param rawCodeOffset byte offset of the {@code raw_code} (or {@code raw_sql}) string token, or -1
 * @param compiledCodeOffset byte offset of the {@code compiled_code} (or {@code compiled_sql}) string token, or -1
 */
public record CodeLocation(long nodeOffset, long rawCodeOffset, long compiledCodeOffset) {

    /** Not read from a file. */
    public static final CodeLocation NONE = new CodeLocation(-1, -1, -1);
}
