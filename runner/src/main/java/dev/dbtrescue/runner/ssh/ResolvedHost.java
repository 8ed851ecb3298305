// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@link SshTarget} with its {@code ~/.ssh/config} settings applied: what to connect to, as whom, with which keys.
 * Explicit parts of the target (user, port) win over the config, as on the {@code ssh} command line.
 *
 * @param alias the host as typed (a Host alias or a name)
 * @param hostName the name or address connected to ({@code HostName}, else the alias)
 * @param user the remote user ({@code User}, else the local user)
 * @param port the port ({@code Port}, else 22)
 * @param identityFiles the config's {@code IdentityFile}s, tokens and {@code ~} expanded
 * @param identitiesOnly {@code IdentitiesOnly yes}: offer no ssh-agent keys
 * @param proxyJump the {@code ProxyJump} hops, in order
 * @param hostKeyAlias the {@code HostKeyAlias} checked in known_hosts instead of the host name
 * @param knownHosts the config's {@code UserKnownHostsFile} (its first file)
 * @param hashKnownHosts {@code HashKnownHosts yes}: new known_hosts entries are hashed
 * @param identityAgent the config's {@code IdentityAgent}: a socket path (tokens expanded), {@code none}, or
 *     {@code SSH_AUTH_SOCK}
 * @param algorithms JSch algorithm settings from the config (KexAlgorithms, HostKeyAlgorithms, Ciphers, MACs,
 *     PubkeyAcceptedAlgorithms), by JSch key
 */
record ResolvedHost(
        String alias,
        String hostName,
        String user,
        int port,
        List<Path> identityFiles,
        boolean identitiesOnly,
        List<SshTarget> proxyJump,
        Optional<String> hostKeyAlias,
        Optional<Path> knownHosts,
        boolean hashKnownHosts,
        Optional<String> identityAgent,
        Map<String, String> algorithms) {

    private static final List<String> ALGORITHM_KEYS = List.of(
            "kex", "server_host_key", "cipher.c2s", "cipher.s2c", "mac.c2s", "mac.s2c", "PubkeyAcceptedAlgorithms");

    ResolvedHost {
        identityFiles = List.copyOf(identityFiles);
        proxyJump = List.copyOf(proxyJump);
        algorithms = Map.copyOf(algorithms);
    }

    /**
     * Reads an OpenSSH client config file and the files its {@code Include} lines name.
     *
     * @param home the local home folder, for {@code ~} in Include lines
     * @return empty when the file does not exist
     * @throws IOException if it exists but cannot be read
     */
    static Optional<ConfigRepository> readConfig(Path file, Path home) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(OpenSSHConfig.parse(SshConfigText.read(file, home)));
    }

    /**
     * Applies the config's settings for the target's host.
     *
     * @param localUser the user name used when neither the target nor the config names one
     * @param home the local home folder, for {@code ~} and {@code %d}
     * @throws IllegalArgumentException if the config gives the host a ProxyCommand
     */
    static ResolvedHost resolve(SshTarget target, Optional<ConfigRepository> config, String localUser, Path home) {
        ConfigRepository.Config c = config.map(r -> r.getConfig(target.host())).orElse(ConfigRepository.defaultConfig);
        String alias = target.host();
        String hostName = Optional.ofNullable(unquote(c.getHostname()))
                .map(h -> h.replace("%h", alias))
                .orElse(alias);
        String user = target.user()
                .orElseGet(() -> Optional.ofNullable(unquote(c.getUser())).orElse(localUser));
        int port = target.port().orElse(c.getPort() > 0 ? c.getPort() : 22);
        String proxyCommand = unquote(c.getValue("ProxyCommand"));
        if (proxyCommand != null
                && !proxyCommand.isBlank()
                && !proxyCommand.strip().equals("none")) {
            throw new IllegalArgumentException("The ssh config gives " + alias + " a ProxyCommand, which dbt-rescue"
                    + " does not run (it would connect directly, bypassing it): use ProxyJump instead");
        }
        Tokens tokens = new Tokens(home, localUser, user, hostName, alias, port);

        List<Path> identities = new ArrayList<>();
        for (String file : values(c, "IdentityFile")) {
            identities.add(Path.of(tokens.expand(file)));
        }
        Map<String, String> algorithms = new LinkedHashMap<>();
        for (String key : ALGORITHM_KEYS) {
            String value = c.getValue(key);
            if (value != null && !value.isBlank()) {
                algorithms.put(key, value.strip());
            }
        }
        return new ResolvedHost(
                alias,
                hostName,
                user,
                port,
                identities,
                yes(c.getValue("IdentitiesOnly")),
                proxyJump(unquote(c.getValue("ProxyJump"))),
                Optional.ofNullable(unquote(c.getValue("HostKeyAlias"))),
                Optional.ofNullable(unquote(c.getValue("UserKnownHostsFile")))
                        .map(v -> v.split("\\s+")[0])
                        .map(v -> Path.of(tokens.expand(v))),
                yes(c.getValue("HashKnownHosts")),
                Optional.ofNullable(unquote(c.getValue("IdentityAgent")))
                        .map(v -> v.equals("none") || v.equals("SSH_AUTH_SOCK") ? v : tokens.expand(v)),
                algorithms);
    }

    /** {@code user@hostName} with {@code :port} when not 22: the host as people read it. */
    String display() {
        return user + "@" + hostAndPort();
    }

    /** The host name, bracketed if it is an IPv6 address, with {@code :port} when not 22. */
    String hostAndPort() {
        String host = hostName.indexOf(':') >= 0 ? "[" + hostName + "]" : hostName;
        return port == 22 ? host : host + ":" + port;
    }

    private static List<String> values(ConfigRepository.Config c, String key) {
        String[] values = c.getValues(key);
        List<String> list = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                String value = unquote(v);
                if (value != null && !value.isBlank()) {
                    list.add(value);
                }
            }
        }
        return list;
    }

    private static List<SshTarget> proxyJump(@Nullable String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<SshTarget> hops = new ArrayList<>();
        for (String hop : value.split(",")) {
            String spec = hop.strip();
            if (spec.startsWith("ssh://")) {
                spec = spec.substring(6);
            }
            if (!spec.isEmpty()) {
                hops.add(SshTarget.parse(spec));
            }
        }
        return hops;
    }

    private static boolean yes(@Nullable String value) {
        return value != null && unquote(value).toLowerCase(Locale.ROOT).equals("yes");
    }

    private static @Nullable String unquote(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** OpenSSH's tokens in file names: {@code ~}, {@code %d %u %r %h %n %p %%}. */
    private record Tokens(Path home, String localUser, String user, String hostName, String alias, int port) {

        String expand(String value) {
            String v = value;
            if (v.equals("~")) {
                return home.toString();
            }
            if (v.startsWith("~/")) {
                v = home + v.substring(1);
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch != '%' || i + 1 == v.length()) {
                    out.append(ch);
                    continue;
                }
                char token = v.charAt(++i);
                switch (token) {
                    case '%' -> out.append('%');
                    case 'd' -> out.append(home);
                    case 'u' -> out.append(localUser);
                    case 'r' -> out.append(user);
                    case 'h' -> out.append(hostName);
                    case 'n' -> out.append(alias);
                    case 'p' -> out.append(port);
                    default -> out.append('%').append(token);
                }
            }
            return out.toString();
        }
    }
}
