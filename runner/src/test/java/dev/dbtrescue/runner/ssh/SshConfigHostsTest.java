// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Host aliases of an ssh config, as the run panel offers them. */
class SshConfigHostsTest {

    @TempDir
    Path home;

    @Test
    void hostAliasesAreListedInOrderWithoutPatterns() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(ssh.resolve("config"), """
                # company hosts
                Host warehouse-gw analytics-*
                    HostName 10.0.0.5
                Host=build "quoted" "with space"
                Host * !bastion
                    ServerAliveInterval 30
                Match host foo
                    User bar
                Host warehouse-gw
                    User again
                """);

        assertEquals(
                List.of("warehouse-gw", "build", "quoted"),
                SshSettings.inDirectory(ssh).configHosts(home));
    }

    @Test
    void includedFilesAddTheirHostsWhereTheyAreIncluded() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh/conf.d"));
        Files.writeString(home.resolve(".ssh/conf.d/10-orb"), "Host orb\n");
        Files.writeString(home.resolve(".ssh/conf.d/20-colima"), "Host colima\n");
        Files.writeString(home.resolve(".ssh/extra"), "Host extra\n");
        Files.writeString(home.resolve(".ssh/config"), "Host first\nInclude conf.d/* ~/.ssh/extra\nHost last\n");

        assertEquals(
                List.of("first", "orb", "colima", "extra", "last"),
                SshSettings.inDirectory(ssh.getParent()).configHosts(home));
    }

    @Test
    void aMissingConfigNamesNoHosts() throws Exception {
        assertEquals(List.of(), SshSettings.inDirectory(home.resolve(".ssh")).configHosts(home));
    }
}
