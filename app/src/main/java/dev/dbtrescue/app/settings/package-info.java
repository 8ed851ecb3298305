// SPDX-License-Identifier: Apache-2.0
/**
 * What the desktop app remembers between sessions (theme, window layout, default plan constraints, SSH hosts, the dbt
 * executable of each project), kept in one JSON file in the settings folder, and the theme and window wiring.
 */
@NullMarked
package dev.dbtrescue.app.settings;

import org.jspecify.annotations.NullMarked;
