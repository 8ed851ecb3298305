// SPDX-License-Identifier: Apache-2.0
/**
 * dbt's node selection in Java: the selector grammar ({@link dev.dbtrescue.graph.select.SelectorParser} into a sealed
 * {@link dev.dbtrescue.graph.select.Selector}), its evaluation over a lineage graph with dbt's methods, graph and set
 * operators and indirect test selection ({@link dev.dbtrescue.graph.select.SelectorEvaluator}), and the names
 * {@code dbt ls} prints.
 *
 * @see <a href="https://docs.getdbt.com/reference/node-selection/syntax">dbt node selection syntax</a>
 */
@NullMarked
package dev.dbtrescue.graph.select;

import org.jspecify.annotations.NullMarked;
