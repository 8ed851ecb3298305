// SPDX-License-Identifier: Apache-2.0
/** The detail pane: everything an on-call engineer needs to know about the selected node. */
@NullMarked
package dev.dbtrescue.app.detail;

import org.jspecify.annotations.NullMarked;
