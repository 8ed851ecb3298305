// SPDX-License-Identifier: Apache-2.0
/** The dbt-rescue desktop app and its command line: entry point and composition root. */
@NullMarked
package dev.dbtrescue.app;

import org.jspecify.annotations.NullMarked;
