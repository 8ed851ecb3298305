// SPDX-License-Identifier: Apache-2.0
/** The headless {@code dbt-rescue} subcommands (picocli), on the same engine as the desktop app. */
@NullMarked
package dev.dbtrescue.app.cli;

import org.jspecify.annotations.NullMarked;
