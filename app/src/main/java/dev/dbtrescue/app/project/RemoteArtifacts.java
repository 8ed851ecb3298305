// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.ssh.SshExecutor;
import dev.dbtrescue.runner.ssh.SshPrompts;
import dev.dbtrescue.runner.ssh.SshSettings;
import dev.dbtrescue.runner.ssh.SshTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Copies a remote project's artifacts to a local folder. Blocking; may call the prompts on the calling thread. */
@FunctionalInterface
public interface RemoteArtifacts {

    /**
     * @param source the host and remote project folder
     * @param localDir the folder the artifacts are copied into
     * @param prompts asked about unknown host keys and key passphrases
     * @param progress cancelling it should stop the copy
     * @return the artifact names copied (manifest.json, run_results.json, sources.json that exist there)
     * @throws RunnerException with a readable message when the host cannot be reached, refuses the login, or the
     *     folder is not a dbt project
     * @throws IllegalArgumentException for a malformed host or an empty folder
     */
    List<String> fetch(ProjectSource.Ssh source, Path localDir, SshPrompts prompts, LoadProgress progress)
            throws RunnerException;

    /**
     * Over SFTP with the runner's {@link SshExecutor}: the user's ssh config, agent, keys and known_hosts (an unknown
     * host key goes to the host key prompt; a changed one is always refused).
     */
    static RemoteArtifacts overSsh(SshSettings settings) {
        return (source, localDir, prompts, progress) -> {
            SshSettings effective = settings;
            if (source.identityFile().isPresent()) {
                List<Path> keys = new ArrayList<>(settings.identityFiles());
                keys.add(0, source.identityFile().get());
                effective = settings.withIdentityFiles(keys);
            }
            try (SshExecutor executor =
                    new SshExecutor(SshTarget.parse(source.host()), source.remoteDir(), effective, prompts)) {
                progress.onCancel(executor::close);
                return executor.fetchArtifacts(localDir);
            }
        };
    }
}
