// SPDX-License-Identifier: Apache-2.0
/** Implementation details of the graph module; not exported. */
@NullMarked
package dev.dbtrescue.graph.internal;

import org.jspecify.annotations.NullMarked;
