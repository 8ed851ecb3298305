// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a project's artifacts come from, as the user chose it, plus an optional state folder (usually a copy of
 * production's {@code target/}) for {@code state:} comparisons. Paths are kept absolute so a recent entry still works
 * from another working folder.
 */
public sealed interface ProjectSource {

    /** The state folder to compare against, when one was chosen. */
    Optional<Path> state();

    /** This source with another state folder (or none). */
    ProjectSource withState(Optional<Path> state);

    /** A short description for window titles and the recent list, for instance {@code /srv/shop} or {@code ssh ...}. */
    String describe();

    /** The source without its state: two sources with the same key are the same project. */
    default ProjectSource key() {
        return withState(Optional.empty());
    }

    /**
     * A local dbt project folder; its artifacts are read from {@code target/}.
     *
     * @param folder the folder holding {@code dbt_project.yml} and {@code target/}
     */
    record LocalFolder(Path folder, Optional<Path> state) implements ProjectSource {

        public LocalFolder {
            folder = absolute(folder);
            state = state.map(ProjectSource::absolute);
        }

        @Override
        public LocalFolder withState(Optional<Path> newState) {
            return new LocalFolder(folder, newState);
        }

        @Override
        public String describe() {
            return folder + stateSuffix(state);
        }
    }

    /**
     * Artifact files named one by one.
     *
     * @param manifest the manifest.json
     * @param runResults run_results.json files to merge (the latest result of each node wins)
     * @param sources sources.json files from {@code dbt source freshness}
     */
    record ArtifactFiles(Path manifest, List<Path> runResults, List<Path> sources, Optional<Path> state)
            implements ProjectSource {

        public ArtifactFiles {
            manifest = absolute(manifest);
            runResults = runResults.stream().map(ProjectSource::absolute).toList();
            sources = sources.stream().map(ProjectSource::absolute).toList();
            state = state.map(ProjectSource::absolute);
        }

        @Override
        public ArtifactFiles withState(Optional<Path> newState) {
            return new ArtifactFiles(manifest, runResults, sources, newState);
        }

        @Override
        public String describe() {
            int others = runResults.size() + sources.size();
            return manifest
                    + (others == 0 ? "" : " + " + others + (others == 1 ? " file" : " files"))
                    + stateSuffix(state);
        }
    }

    /**
     * A project on an SSH host; its artifacts are copied over SFTP.
     *
     * @param host a {@code ~/.ssh/config} alias or {@code user@host[:port]}
     * @param remoteDir the dbt project folder on the host (absolute, or relative to the login folder)
     * @param identityFile a private key to offer, besides the agent's and the config's
     */
    record Ssh(String host, String remoteDir, Optional<Path> identityFile, Optional<Path> state)
            implements ProjectSource {

        public Ssh {
            host = host.strip();
            remoteDir = remoteDir.strip();
            identityFile = identityFile.map(ProjectSource::absolute);
            state = state.map(ProjectSource::absolute);
        }

        @Override
        public Ssh withState(Optional<Path> newState) {
            return new Ssh(host, remoteDir, identityFile, newState);
        }

        @Override
        public String describe() {
            return "ssh " + host + " " + remoteDir + stateSuffix(state);
        }
    }

    /** The bundled demo project: a real failed {@code dbt build}, with production's manifest as state. */
    record Demo() implements ProjectSource {

        @Override
        public Optional<Path> state() {
            return Optional.empty(); // the demo brings its own production state
        }

        @Override
        public Demo withState(Optional<Path> state) {
            return this;
        }

        @Override
        public String describe() {
            return "the demo project (a failed dbt build)";
        }
    }

    private static Path absolute(Path path) {
        return Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
    }

    private static String stateSuffix(Optional<Path> state) {
        return state.map(s -> " (state: " + s + ")").orElse("");
    }
}
