// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import java.util.Locale;
import java.util.Optional;

/** The window's colours: AtlantaFX's Primer Light or Primer Dark. */
public enum Theme {
    LIGHT,
    DARK;

    /** The name in the settings file. */
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme of a settings file's name, empty for an unknown one. */
    static Optional<Theme> fromJson(String name) {
        for (Theme theme : values()) {
            if (theme.json().equals(name)) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }
}
