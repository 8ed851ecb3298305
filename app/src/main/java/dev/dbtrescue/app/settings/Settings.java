// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the app remembers, as one immutable value; changes make a new one.
 *
 * @param theme light or dark
 * @param window the window's last layout, empty before the first close
 * @param planDefaults the constraints a plan starts with
 * @param hosts the saved SSH hosts, most recently used first, one per destination
 * @param projectDbt the dbt executable (or venv) last used for each project, by the project's key (its source
 *     without a state folder, as described in the window title), least recently used first
 */
public record Settings(
        Theme theme,
        Optional<WindowLayout> window,
        PlanDefaults planDefaults,
        List<SavedHost> hosts,
        Map<String, String> projectDbt) {

    /** How many projects keep their dbt executable; the least recently used beyond this are forgotten. */
    public static final int MAX_PROJECTS = 200;

    /** How many SSH hosts are kept; the least recently used beyond this are forgotten. */
    public static final int MAX_HOSTS = 50;

    /** A first start: light, no window layout, standard constraints, no hosts. */
    public static final Settings DEFAULTS =
            new Settings(Theme.LIGHT, Optional.empty(), PlanDefaults.STANDARD, List.of(), Map.of());

    public Settings {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(planDefaults, "planDefaults");
        List<SavedHost> unique = new ArrayList<>();
        for (SavedHost host : hosts) {
            if (unique.stream().noneMatch(h -> h.destination().equals(host.destination()))) {
                unique.add(host);
            }
        }
        hosts = List.copyOf(unique.subList(0, Math.min(MAX_HOSTS, unique.size())));
        var ordered = new LinkedHashMap<String, String>(projectDbt);
        ordered.values().removeIf(String::isBlank);
        while (ordered.size() > MAX_PROJECTS) {
            ordered.remove(ordered.keySet().iterator().next());
        }
        projectDbt = Collections.unmodifiableMap(ordered);
    }

    /** These settings with another theme. */
    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, window, planDefaults, hosts, projectDbt);
    }

    /** These settings with the window's layout. */
    public Settings withWindow(WindowLayout layout) {
        return new Settings(theme, Optional.of(layout), planDefaults, hosts, projectDbt);
    }

    /** These settings with other default constraints. */
    public Settings withPlanDefaults(PlanDefaults defaults) {
        return new Settings(theme, window, defaults, hosts, projectDbt);
    }

    /** These settings with {@code host} first, replacing a saved host of the same destination. */
    public Settings withHost(SavedHost host) {
        List<SavedHost> updated = new ArrayList<>();
        updated.add(host);
        hosts.stream().filter(h -> !h.destination().equals(host.destination())).forEach(updated::add);
        return new Settings(theme, window, planDefaults, updated, projectDbt);
    }

    /** These settings without the saved host of {@code destination}. */
    public Settings withoutHost(String destination) {
        List<SavedHost> updated = hosts.stream()
                .filter(h -> !h.destination().equals(destination.strip()))
                .toList();
        return new Settings(theme, window, planDefaults, updated, projectDbt);
    }

    /** The saved host of a destination. */
    public Optional<SavedHost> host(String destination) {
        String wanted = destination.strip();
        return hosts.stream().filter(h -> h.destination().equals(wanted)).findFirst();
    }

    /** These settings with the dbt executable of a project; a blank one forgets it. */
    public Settings withProjectDbt(String projectKey, String dbtExecutable) {
        var updated = new LinkedHashMap<String, String>(projectDbt);
        updated.remove(projectKey);
        if (!dbtExecutable.isBlank()) {
            updated.put(projectKey, dbtExecutable.strip()); // last is most recent
        }
        return new Settings(theme, window, planDefaults, hosts, updated);
    }

    /** The dbt executable last used for a project. */
    public Optional<String> projectDbt(String projectKey) {
        return Optional.ofNullable(projectDbt.get(projectKey));
    }
}
