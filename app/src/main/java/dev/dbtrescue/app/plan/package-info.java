// SPDX-License-Identifier: Apache-2.0
/** The plan panel: the selection split into dependency-ordered batches, edited by hand, saved and exported. */
@NullMarked
package dev.dbtrescue.app.plan;

import org.jspecify.annotations.NullMarked;
