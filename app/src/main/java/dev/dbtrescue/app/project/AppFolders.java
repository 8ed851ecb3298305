// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import dev.dbtrescue.runner.RunStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the desktop app keeps its files.
 *
 * @param settings small settings such as the recent projects ({@code $DBT_RESCUE_HOME}, else
 *     {@code $XDG_CONFIG_HOME/dbt-rescue} or {@code ~/.config/dbt-rescue})
 * @param cache files that can be made again: artifacts copied from SSH hosts, the extracted demo (under the runner's
 *     data folder, {@link RunStore#userDefault()}, in {@code cache/})
 */
public record AppFolders(Path settings, Path cache) {

    public AppFolders {
        settings = Objects.requireNonNull(settings, "settings").toAbsolutePath().normalize();
        cache = Objects.requireNonNull(cache, "cache").toAbsolutePath().normalize();
    }

    /** Both folders under one root, as with {@code $DBT_RESCUE_HOME} (and in tests). */
    public static AppFolders under(Path root) {
        return new AppFolders(root, root.resolve("cache"));
    }

    /** The data folder: run journals and batch artifacts, shared with the command line's {@code run}. */
    public Path data() {
        Path parent = cache.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : cache;
    }

    /** The user's folders, from the environment of this process. */
    public static AppFolders userDefault() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
    }

    /** The folders for an environment; the data folder follows the runner's {@link RunStore#userDefault()}. */
    static AppFolders of(Map<String, String> env, Path home, String osName) {
        String explicit = env.get("DBT_RESCUE_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return under(Path.of(explicit));
        }
        Path data = RunStore.userDefault().root();
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return new AppFolders(data, data.resolve("cache")); // one app folder is the convention there
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path settings = xdg != null && !xdg.isBlank() ? Path.of(xdg, "dbt-rescue") : home.resolve(".config/dbt-rescue");
        return new AppFolders(settings, data.resolve("cache"));
    }
}
