// SPDX-License-Identifier: Apache-2.0
/** The lineage screen: what is shown (projection, grouping, scope), search, selection and the view that draws it. */
@NullMarked
package dev.dbtrescue.app.lineage;

import org.jspecify.annotations.NullMarked;
