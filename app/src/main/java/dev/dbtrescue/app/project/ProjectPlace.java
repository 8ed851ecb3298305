// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an opened project lives, so that it can be run and its artifacts read again.
 *
 * @param folder the local folder whose {@code target/} holds the artifacts read (for a project on an SSH host, the
 *     local copy they were fetched into); empty when single artifact files were opened
 * @param host the SSH destination of a remote project, as given
 * @param remoteDir the project folder on {@code host}
 */
public record ProjectPlace(Optional<Path> folder, Optional<String> host, Optional<String> remoteDir) {

    /** Nowhere known: artifact files opened one by one, or a test's artifacts. */
    public static final ProjectPlace NONE = new ProjectPlace(Optional.empty(), Optional.empty(), Optional.empty());

    public ProjectPlace {
        folder = folder.map(f -> f.toAbsolutePath().normalize());
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(remoteDir, "remoteDir");
        if (host.isPresent() != remoteDir.isPresent()) {
            throw new IllegalArgumentException("a remote project needs both its host and its folder");
        }
    }

    /** A project folder on this machine. */
    public static ProjectPlace local(Path folder) {
        return new ProjectPlace(Optional.of(folder), Optional.empty(), Optional.empty());
    }

    /** A project on an SSH host whose artifacts were copied into {@code localCopy}. */
    public static ProjectPlace remote(Path localCopy, String host, String remoteDir) {
        return new ProjectPlace(Optional.of(localCopy), Optional.of(host), Optional.of(remoteDir));
    }

    /** True for a project on an SSH host. */
    public boolean isRemote() {
        return host.isPresent();
    }

    /**
     * Why dbt cannot run this project from here, empty when it can: a remote project can always be tried; a local
     * one needs its {@code dbt_project.yml}.
     */
    public Optional<String> whyNotRunnable() {
        if (isRemote()) {
            return Optional.empty();
        }
        if (folder.isEmpty()) {
            return Optional.of("The project was opened from single artifact files, so there is no dbt project to run:"
                    + " open the project folder instead.");
        }
        if (!Files.isRegularFile(folder.get().resolve("dbt_project.yml"))) {
            return Optional.of(folder.get() + " has no dbt_project.yml, so dbt cannot run there (the bundled demo"
                    + " holds artifacts only; open a dbt project folder, such as demo/ of the dbt-rescue sources).");
        }
        return Optional.empty();
    }
}
