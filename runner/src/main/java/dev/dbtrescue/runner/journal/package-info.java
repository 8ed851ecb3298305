// SPDX-License-Identifier: Apache-2.0
/** The run journal: an append-only, fsync'd JSON-lines record of every batch and node result, read back to resume a run. */
@NullMarked
package dev.dbtrescue.runner.journal;

import org.jspecify.annotations.NullMarked;
