// SPDX-License-Identifier: Apache-2.0
/**
 * Readers of dbt's artifacts ({@code manifest.json}, {@code run_results.json}, {@code sources.json}) into immutable
 * values, with specific messages for every kind of bad input ({@link dev.dbtrescue.graph.manifest.ArtifactException}).
 */
@NullMarked
package dev.dbtrescue.graph.manifest;

import org.jspecify.annotations.NullMarked;
