// SPDX-License-Identifier: Apache-2.0
/**
 * Rescue planning: the failed / modified / stale presets, and splitting a selection into dependency-ordered batches,
 * each a ready dbt command, with the plan as a versioned JSON document and its text, Markdown and shell exports.
 */
@NullMarked
package dev.dbtrescue.graph.plan;

import org.jspecify.annotations.NullMarked;
