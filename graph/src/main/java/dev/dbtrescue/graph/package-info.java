// SPDX-License-Identifier: Apache-2.0
/**
 * The lineage graph of a dbt project: {@link dev.dbtrescue.graph.LineageGraph} over every resource of a manifest,
 * with {@link dev.dbtrescue.graph.Node} values keyed by {@link dev.dbtrescue.graph.NodeId}.
 */
@NullMarked
package dev.dbtrescue.graph;

import org.jspecify.annotations.NullMarked;
