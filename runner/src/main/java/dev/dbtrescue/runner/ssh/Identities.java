// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Vector;

/**
 * The keys offered to one host, in {@code ssh}'s order: the ssh-agent's (the config's {@code IdentityAgent}, else
 * the settings' socket; none with {@code IdentitiesOnly yes}), then the key files named in the settings and the
 * host's config, else the default key files that exist. Remembers what became of each, so a refused login
 * can say which identities were tried (never a passphrase).
 */
final class Identities implements IdentityRepository {

    private final List<Identity> agentKeys;
    private final List<KeyFileIdentity> keyFiles;
    private final List<String> skipped;

    private Identities(List<Identity> agentKeys, List<KeyFileIdentity> keyFiles, List<String> skipped) {
        this.agentKeys = List.copyOf(agentKeys);
        this.keyFiles = List.copyOf(keyFiles);
        this.skipped = List.copyOf(skipped);
    }

    /** Loads the keys for a host: asks the agent for its keys and reads the key files (not their passphrases). */
    static Identities collect(ResolvedHost host, SshSettings settings, PassphrasePrompt prompt) {
        List<String> skipped = new ArrayList<>();
        List<Identity> agent = new ArrayList<>();
        Optional<Path> agentSocket = host.identityAgent()
                .map(configured -> switch (configured) {
                    case "none" -> Optional.<Path>empty();
                    case "SSH_AUTH_SOCK" -> settings.agentSocket();
                    default -> Optional.of(Path.of(configured));
                })
                .orElse(settings.agentSocket());
        if (!host.identitiesOnly() && agentSocket.isPresent()) {
            Path socket = agentSocket.get();
            try {
                var repository =
                        new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory(), socket));
                if (repository.getStatus() == RUNNING) {
                    agent.addAll(repository.getIdentities());
                } else {
                    skipped.add("the ssh-agent at " + socket + " (not running)");
                }
            } catch (AgentProxyException | RuntimeException e) {
                skipped.add("the ssh-agent at " + socket + " (not reachable)");
            }
        }
        Set<Path> named = new LinkedHashSet<>(settings.identityFiles());
        named.addAll(host.identityFiles());
        List<Path> files = new ArrayList<>(named);
        if (files.isEmpty()) {
            settings.defaultIdentityFiles().stream().filter(Files::exists).forEach(files::add);
        }
        JSch jsch = new JSch();
        List<KeyFileIdentity> keys = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                skipped.add(file + " (no such file)");
                continue;
            }
            try {
                keys.add(new KeyFileIdentity(file.toString(), KeyPair.load(jsch, file.toString()), prompt));
            } catch (JSchException e) {
                skipped.add(file + " (not a private key JSch can read: " + e.getMessage() + ")");
            }
        }
        return new Identities(agent, keys, skipped);
    }

    /** Whether there is any key to offer. */
    boolean isEmpty() {
        return agentKeys.isEmpty() && keyFiles.isEmpty();
    }

    /** What was offered or skipped and why, for a refused login: {@code /k (wrong passphrase), 2 ssh-agent keys}. */
    String describeTried() {
        List<String> parts = new ArrayList<>();
        if (!agentKeys.isEmpty()) {
            parts.add(agentKeys.size() + " ssh-agent key" + (agentKeys.size() == 1 ? "" : "s"));
        }
        for (KeyFileIdentity key : keyFiles) {
            parts.add(
                    switch (key.use()) {
                        case NOT_OFFERED -> key.getName() + " (not offered)";
                        case OFFERED -> key.getName();
                        case NO_PASSPHRASE -> key.getName() + " (accepted key, but no passphrase was given)";
                        case WRONG_PASSPHRASE -> key.getName() + " (accepted key, but the passphrase was wrong)";
                        case SIGNED -> key.getName() + " (signature refused)";
                    });
        }
        parts.addAll(skipped);
        return String.join(", ", parts);
    }

    @Override
    public String getName() {
        return "dbt-rescue";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>(agentKeys);
        all.addAll(keyFiles);
        return all;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // the set is fixed for one connection
    }
}
