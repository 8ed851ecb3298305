// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.jcraft.jsch.ConfigRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvedHostTest {

    private static final Path HOME = Path.of("/home/ana");

    @TempDir
    Path dir;

    private Optional<ConfigRepository> config(String text) throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, text);
        return ResolvedHost.readConfig(file);
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
        var config = ResolvedHost.readConfig(dir.resolve("no-such-config"));
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
}
