// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file: written atomically, read back whole, and never a reason for the app not to start. */
class SettingsStoreTest {

    @TempDir
    Path tmp;

    private Path file() {
        return tmp.resolve("config/settings.json");
    }

    private static Settings everything() {
        return Settings.DEFAULTS
                .withTheme(Theme.DARK)
                .withWindow(new WindowLayout(
                        120, 80, 1280, 800, true, Map.of("workspace", List.of(0.25, 0.7), "middle", List.of(0.6))))
                .withPlanDefaults(new PlanDefaults(25, 30, 8, "waves", "run", "prod", "{as_of: 2026-01-01}", true))
                .withHost(new SavedHost("ci@build:2222", "/srv/shop", "/srv/venv/bin/dbt"))
                .withHost(new SavedHost("warehouse-gw", "", ""))
                .withProjectDbt("/home/ana/shop", "/home/ana/shop/.venv/bin/dbt");
    }

    @Test
    void everySettingIsReadBackAsWritten() {
        try (SettingsStore store = SettingsStore.load(file())) {
            store.update(s -> everything());
        }

        Settings read = SettingsStore.load(file()).current();

        assertEquals(everything(), read);
        assertEquals(
                List.of("warehouse-gw", "ci@build:2222"),
                read.hosts().stream().map(SavedHost::destination).toList());
        assertFalse(Files.exists(tmp.resolve("config/settings.json.part")), "the .part file was moved into place");
    }

    @Test
    void aMissingFileGivesTheDefaultsAndIsCreatedOnTheFirstChange() {
        SettingsStore store = SettingsStore.load(file());
        assertEquals(Settings.DEFAULTS, store.current());
        assertFalse(Files.exists(file()));

        store.update(s -> s.withTheme(Theme.DARK));
        store.flush();

        assertEquals(Theme.DARK, SettingsStore.load(file()).current().theme());
        store.close();
    }

    @Test
    void aCorruptFileGivesTheDefaultsAndIsKeptAsideBeforeItIsOverwritten() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"version\": 1, \"theme\": \"dark\",", StandardCharsets.UTF_8);

        SettingsStore store = SettingsStore.load(file());
        assertEquals(Settings.DEFAULTS, store.current());

        store.update(s -> s.withProjectDbt("p", "dbt-1.9"));
        store.close();
        assertEquals(
                "{\"version\": 1, \"theme\": \"dark\",",
                Files.readString(tmp.resolve("config/settings.json.unreadable"), StandardCharsets.UTF_8));
        assertEquals(
                Optional.of("dbt-1.9"), SettingsStore.load(file()).current().projectDbt("p"));
    }

    @Test
    void aFileOfAnotherVersionIsNotRead() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"version\": 2, \"theme\": \"dark\"}", StandardCharsets.UTF_8);

        assertEquals(Settings.DEFAULTS, SettingsStore.load(file()).current());
    }

    @Test
    void aFileThatIsNotAnObjectIsNotRead() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "[1, 2, 3]", StandardCharsets.UTF_8);

        assertEquals(Settings.DEFAULTS, SettingsStore.load(file()).current());
    }

    @Test
    void missingFieldsTakeTheirDefaultsAndTheOthersAreKept() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"version": 1,
                 "planDefaults": {"maxNodes": 40, "split": "tag"},
                 "sshHosts": [{"destination": "ci@build"}]}
                """, StandardCharsets.UTF_8);

        Settings read = SettingsStore.load(file()).current();

        assertEquals(
                new Settings(
                        Theme.LIGHT,
                        Optional.empty(),
                        new PlanDefaults(40, 0, 0, "tag", "build", "", "", false),
                        List.of(new SavedHost("ci@build", "", "")),
                        Map.of()),
                read);
    }

    @Test
    void valuesThatAreNotUnderstoodTakeTheirDefaultsWithoutLosingTheRest() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"version": 1,
                 "theme": "purple",
                 "window": {"x": 10, "y": 10, "width": -5, "height": 600},
                 "planDefaults": {"maxNodes": -3, "threads": "many", "defer": true},
                 "sshHosts": [{"remoteDir": "/nowhere"}, {"destination": "gw", "remoteDir": "/srv/shop"}],
                 "projects": {"/a": {"dbt": ""}, "/b": {"dbt": "/b/.venv/bin/dbt"}}}
                """, StandardCharsets.UTF_8);

        Settings read = SettingsStore.load(file()).current();

        assertEquals(
                new Settings(
                        Theme.LIGHT,
                        Optional.empty(),
                        new PlanDefaults(0, 0, 0, "lineage", "build", "", "", true),
                        List.of(new SavedHost("gw", "/srv/shop", "")),
                        Map.of("/b", "/b/.venv/bin/dbt")),
                read);
    }

    @Test
    void theNewestOfManyQuickChangesIsTheOneOnDisk() {
        try (SettingsStore store = SettingsStore.load(file())) {
            for (int i = 1; i <= 200; i++) {
                int threads = i;
                store.update(
                        s -> s.withPlanDefaults(new PlanDefaults(0, 0, threads, "lineage", "build", "", "", false)));
            }
        }

        assertEquals(200, SettingsStore.load(file()).current().planDefaults().threads());
    }

    @Test
    void aSettingsFolderThatCannotBeCreatedLosesOnlyTheSave() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("not-a-folder"), "x");
        try (SettingsStore store = SettingsStore.load(blocker.resolve("settings.json"))) {
            Settings changed = store.update(s -> s.withTheme(Theme.DARK));
            store.flush();
            assertEquals(Theme.DARK, changed.theme());
            assertEquals(Theme.DARK, store.current().theme(), "the change holds for this session");
        }
    }

    @Test
    void hostsAreKeptOncePerDestinationMostRecentFirstAndCanBeForgotten() {
        Settings settings = Settings.DEFAULTS
                .withHost(new SavedHost("a", "/1", ""))
                .withHost(new SavedHost("b", "/2", ""))
                .withHost(new SavedHost("a", "/3", "dbt"));

        assertEquals(List.of(new SavedHost("a", "/3", "dbt"), new SavedHost("b", "/2", "")), settings.hosts());
        assertEquals(
                List.of(new SavedHost("b", "/2", "")), settings.withoutHost("a").hosts());
        assertTrue(settings.host("b").isPresent());
    }

    @Test
    void aBlankDbtForgetsTheProjectsExecutable() {
        Settings settings = Settings.DEFAULTS.withProjectDbt("p", "dbt").withProjectDbt("p", " ");

        assertEquals(Map.of(), settings.projectDbt());
    }
}
