// SPDX-License-Identifier: Apache-2.0
/**
 * The state of a project after its runs: the latest result of every node merged from one or more
 * {@code run_results.json} ({@link dev.dbtrescue.graph.status.ProjectStatus}), source freshness, and the on-call
 * analysis of failures: error class, blast radius and skip causes
 * ({@link dev.dbtrescue.graph.status.FailureAnalyzer}).
 */
@NullMarked
package dev.dbtrescue.graph.status;

import org.jspecify.annotations.NullMarked;
