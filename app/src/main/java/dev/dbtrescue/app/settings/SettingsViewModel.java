// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The window-wide settings: the theme (saved as soon as it changes) and the window's layout (saved when the window
 * closes). Saving is the store's: in the background, never on the calling thread. Call it on the FX thread.
 */
public final class SettingsViewModel {

    private final SettingsStore store;
    private final BooleanProperty darkTheme;

    public SettingsViewModel(SettingsStore store) {
        this.store = store;
        this.darkTheme =
                new SimpleBooleanProperty(this, "darkTheme", store.current().theme() == Theme.DARK);
        darkTheme.addListener((obs, was, dark) -> store.update(s -> s.withTheme(dark ? Theme.DARK : Theme.LIGHT)));
    }

    /** True for the dark theme; a change is saved. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** The layout the window had when it last closed. */
    public Optional<WindowLayout> savedLayout() {
        return store.current().window();
    }

    /** Remembers the window's layout (written in the background). */
    public void saveLayout(WindowLayout layout) {
        store.update(s -> s.withWindow(layout));
    }

    /** The store, for the screens that remember their own settings. */
    public SettingsStore store() {
        return store;
    }
}
