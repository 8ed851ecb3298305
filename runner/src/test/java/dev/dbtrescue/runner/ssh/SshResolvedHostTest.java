// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.ConfigRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshResolvedHostTest {

    private static final Path HOME = Path.of("/home/ana");

    @TempDir
    Path dir;

    private Optional<ConfigRepository> config(String text) throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, text);
        return ResolvedHost.readConfig(file, HOME);
    }

    private ResolvedHost resolve(String target, Optional<ConfigRepository> config) {
        return ResolvedHost.resolve(SshTarget.parse(target), config, "ana", HOME);
    }

    @Test
    void aliasTakesHostNameUserPortAndKeysFromTheConfig() throws IOException {
        var config = config("""
                Host analytics
                    HostName analytics.internal.example.com
                    User deploy
                    Port 2222
                    IdentityFile ~/.ssh/analytics_ed25519
                    IdentityFile "%d/keys/%r@%h"
                """);
        ResolvedHost host = resolve("analytics", config);
        assertEquals(
                new ResolvedHost(
                        "analytics",
                        "analytics.internal.example.com",
                        "deploy",
                        2222,
                        List.of(
                                Path.of("/home/ana/.ssh/analytics_ed25519"),
                                Path.of("/home/ana/keys/deploy@analytics.internal.example.com")),
                        false,
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        Optional.empty(),
                        Map.of()),
                host);
    }

    @Test
    void explicitUserAndPortWinOverTheConfig() throws IOException {
        var config = config("""
                Host analytics
                    HostName 10.0.0.7
                    User deploy
                    Port 2222
                """);
        ResolvedHost host = resolve("root@analytics:22", config);
        assertEquals(List.of("10.0.0.7", "root", "22"), List.of(host.hostName(), host.user(), "" + host.port()));
    }

    @Test
    void firstMatchingValueWinsAndWildcardBlocksApply() throws IOException {
        var config = config("""
                Host *.example.com
                    User web
                Host db.example.com
                    User dba
                    ProxyJump jump@bastion.example.com:2200,ssh://edge
                    IdentitiesOnly yes
                Host *
                    Port 2022
                    HashKnownHosts yes
                    UserKnownHostsFile ~/.ssh/known_hosts_work ~/.ssh/known_hosts2
                """);
        ResolvedHost host = resolve("db.example.com", config);
        assertEquals(
                List.of(
                        "web",
                        "2022",
                        "[jump@bastion.example.com:2200, edge]",
                        "true",
                        "true",
                        "Optional[/home/ana/.ssh/known_hosts_work]"),
                List.of(
                        host.user(),
                        "" + host.port(),
                        host.proxyJump().toString(),
                        "" + host.identitiesOnly(),
                        "" + host.hashKnownHosts(),
                        host.knownHosts().toString()));
    }

    @Test
    void repeatedHostBlocksAllApplyAndTheFirstValueWins() throws IOException {
        var config = config("""
                Host shop
                    User deploy
                Host shop
                    User other
                    HostName shop.example.com
                """);
        ResolvedHost host = resolve("shop", config);
        assertEquals(List.of("deploy", "shop.example.com"), List.of(host.user(), host.hostName()));
    }

    @Test
    void matchBlocksApplyToNoHostInsteadOfToTheBlockBeforeThem() throws IOException {
        var config = config("""
                Host shop
                    HostName shop.example.com
                Match host other.example.com
                    User mallory
                    ProxyJump evil.example.com
                """);
        ResolvedHost host = resolve("shop", config);
        assertEquals(List.of("ana", List.of()), List.of(host.user(), host.proxyJump()));
    }

    @Test
    void aProxyCommandIsRefusedRatherThanBypassed() throws IOException {
        var config = config("""
                Host shop
                    ProxyCommand ssh -W %h:%p bastion
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve("shop", config));
        assertTrue(e.getMessage().contains("use ProxyJump instead"), e.getMessage());
    }

    @Test
    void hostNameTokenStandsForTheAlias() throws IOException {
        var config = config("""
                Host shop-*
                    HostName %h.corp.example.com
                """);
        assertEquals("shop-eu.corp.example.com", resolve("shop-eu", config).hostName());
    }

    @Test
    void proxyJumpNoneMeansDirect() throws IOException {
        var config = config("""
                Host db
                    ProxyJump none
                Host *
                    ProxyJump bastion
                """);
        assertEquals(List.of(), resolve("db", config).proxyJump());
    }

    @Test
    void algorithmSettingsArePassedOnByJschKey() throws IOException {
        var config = config("""
                Host legacy
                    HostKeyAlgorithms ssh-rsa
                    Ciphers aes128-ctr
                """);
        assertEquals(
                Map.of("server_host_key", "ssh-rsa", "cipher.c2s", "aes128-ctr", "cipher.s2c", "aes128-ctr"),
                resolve("legacy", config).algorithms());
    }

    @Test
    void withoutAConfigTheTargetIsTakenAsItIs() throws IOException {
        var config = ResolvedHost.readConfig(dir.resolve("no-such-config"), HOME);
        ResolvedHost host = resolve("db.example.com", config);
        assertEquals(
                List.of("db.example.com", "ana", "22", "[]"),
                List.of(
                        host.hostName(),
                        host.user(),
                        "" + host.port(),
                        host.identityFiles().toString()));
    }

    @Test
    void displayBracketsAnIpv6AddressAndOmitsPort22() {
        assertEquals(
                List.of("ana@[::1]:2222", "ana@db"),
                List.of(
                        resolve("[::1]:2222", Optional.empty()).display(),
                        resolve("db", Optional.empty()).display()));
    }

    @Test
    void identityAgentOfTheConfigIsExpanded() throws IOException {
        var config = config("""
                Host vault
                    IdentityAgent "~/.1password/agent.sock"
                Host plain
                    IdentityAgent none
                """);
        assertEquals(
                List.of(Optional.of("/home/ana/.1password/agent.sock"), Optional.of("none")),
                List.of(
                        resolve("vault", config).identityAgent(),
                        resolve("plain", config).identityAgent()));
    }

    @Test
    void includedFilesAddTheirHostsWhereTheIncludeStands() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path sshDir = Files.createDirectories(home.resolve(".ssh"));
        Files.createDirectories(sshDir.resolve("conf.d"));
        Files.writeString(sshDir.resolve("conf.d/20-shop.conf"), "Host shop\n    HostName shop.example.com\n");
        Files.writeString(sshDir.resolve("conf.d/10-users.conf"), "Host shop\n    User deploy\n");
        Files.writeString(sshDir.resolve("conf.d/notes.txt"), "Host shop\n    Port 1\n");
        Files.writeString(home.resolve("extra"), "Host db\n    HostName db.example.com\n");
        Files.writeString(sshDir.resolve("config"), """
                Include conf.d/*.conf ~/extra
                Host *
                    User fallback
                """);
        var config = ResolvedHost.readConfig(sshDir.resolve("config"), home);

        ResolvedHost shop = ResolvedHost.resolve(SshTarget.parse("shop"), config, "ana", home);
        ResolvedHost db = ResolvedHost.resolve(SshTarget.parse("db"), config, "ana", home);
        assertEquals(
                List.of("shop.example.com", "deploy", "22", "db.example.com", "fallback"),
                List.of(shop.hostName(), shop.user(), "" + shop.port(), db.hostName(), db.user()));
    }

    @Test
    void includeLoopIsReportedInsteadOfFollowedForever() throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, "Include " + file + "\n");

        var e = assertThrows(IOException.class, () -> ResolvedHost.readConfig(file, HOME));
        assertEquals("Include lines nest more than 16 deep in " + file, e.getMessage());
    }
}
