// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

/**
 * A {@code depends_on} entry: {@code child} reads {@code parent}.
 *
 * @param parent the upstream resource
 * @param child the downstream resource
 */
public record Dependency(NodeId parent, NodeId child) {}
