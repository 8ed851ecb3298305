// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentProjectsTest {

    @TempDir
    Path tmp;

    private ProjectSource folder(String name) {
        return new ProjectSource.LocalFolder(tmp.resolve(name), Optional.empty());
    }

    @Test
    void everyKindSurvivesARestart() {
        var files = new ProjectSource.ArtifactFiles(
                tmp.resolve("m.json"),
                List.of(tmp.resolve("run_results.json"), tmp.resolve("run_results_2.json")),
                List.of(tmp.resolve("sources.json")),
                Optional.of(tmp.resolve("prod")));
        var ssh = new ProjectSource.Ssh(
                "deploy@analytics:2222", "/srv/shop", Optional.of(tmp.resolve("id_ed25519")), Optional.empty());
        var local = new ProjectSource.LocalFolder(tmp.resolve("shop"), Optional.of(tmp.resolve("prod")));
        var recents = new RecentProjects(tmp.resolve("settings/recent-projects.json"));
        recents.add(files);
        recents.add(ssh);
        recents.add(local);

        assertEquals(List.of(local, ssh, files), new RecentProjects(recents.file()).list());
    }

    @Test
    void theSameProjectMovesToTheTopOnceWithItsNewestState() {
        var recents = new RecentProjects(tmp.resolve("recent.json"));
        recents.add(folder("a"));
        recents.add(folder("b"));
        var aWithState = new ProjectSource.LocalFolder(tmp.resolve("a"), Optional.of(tmp.resolve("prod")));

        assertEquals(List.of(aWithState, folder("b")), recents.add(aWithState));
    }

    @Test
    void keepsTheTenMostRecent() {
        var recents = new RecentProjects(tmp.resolve("recent.json"));
        IntStream.range(0, 12).forEach(i -> recents.add(folder("p" + i)));

        assertEquals(
                IntStream.iterate(11, i -> i >= 2, i -> i - 1)
                        .mapToObj(i -> folder("p" + i))
                        .toList(),
                recents.list());
    }

    @Test
    void theDemoIsNotRemembered() {
        var recents = new RecentProjects(tmp.resolve("recent.json"));

        assertEquals(List.of(), recents.add(new ProjectSource.Demo()));
    }

    @Test
    void aCorruptFileCountsAsEmptyAndIsReplacedOnTheNextAdd() throws Exception {
        Path file = Files.writeString(tmp.resolve("recent.json"), "{\"projects\": [ {\"kind\": \"fol");
        var recents = new RecentProjects(file);

        assertEquals(List.of(), recents.list());
        assertEquals(List.of(folder("a")), recents.add(folder("a")));
        assertEquals(List.of(folder("a")), new RecentProjects(file).list());
    }

    @Test
    void anEntryNotUnderstoodIsSkippedAndTheOthersKept() throws Exception {
        Path file = Files.writeString(tmp.resolve("recent.json"), """
                {"projects": [
                  {"kind": "teleport", "where": "mars"},
                  {"kind": "folder"},
                  {"kind": "folder", "folder": "%s"}
                ]}
                """.formatted(
                        tmp.resolve("a").toString().replace("\\", "\\\\")));

        assertEquals(List.of(folder("a")), new RecentProjects(file).list());
    }

    @Test
    void aFileThatIsNotAListCountsAsEmpty() throws Exception {
        Path file = Files.writeString(tmp.resolve("recent.json"), "[1, 2, 3]");

        assertEquals(List.of(), new RecentProjects(file).list());
    }

    @Test
    void anUnwritableFolderDoesNotFailTheCaller() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("not-a-folder"), "");
        var recents = new RecentProjects(blocker.resolve("recent.json"));

        assertEquals(List.of(folder("a")), recents.add(folder("a")));
        assertEquals(List.of(), recents.list());
    }

    @Test
    void settingsFollowDbtRescueHomeThenXdgConfigHome() {
        Path home = tmp.resolve("home");

        assertEquals(
                AppFolders.under(tmp.resolve("rescue")),
                AppFolders.of(Map.of("DBT_RESCUE_HOME", tmp.resolve("rescue").toString()), home, "Linux"));
        assertEquals(
                tmp.resolve("xdg/dbt-rescue"),
                AppFolders.of(Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString()), home, "Linux")
                        .settings());
        assertEquals(
                home.resolve(".config/dbt-rescue"),
                AppFolders.of(Map.of(), home, "Linux").settings());
    }
}
