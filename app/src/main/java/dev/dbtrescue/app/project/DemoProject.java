// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The bundled demo: the artifacts of a real failed {@code dbt build} of the demo project ({@code rescue_shop}) and
 * production's manifest as state, shipped as classpath resources (copied from {@code demo/artifacts} at build time)
 * and extracted on demand, so the shaded jar and the packaged app open it from anywhere.
 */
public final class DemoProject {

    /** Where the build puts the demo's files on the classpath. */
    static final String RESOURCES = "/dev/dbtrescue/app/demo/";

    private static final List<String> PROJECT_FILES = List.of("manifest.json", "run_results.json", "sources.json");
    private static final String STATE_FILE = "manifest.json";

    private final Path folder;

    /** @param folder where the demo is extracted to (it is made again there on every {@link #extract()}) */
    public DemoProject(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The demo in the cache folder of {@code folders}. */
    public static DemoProject in(AppFolders folders) {
        return new DemoProject(folders.cache().resolve("demo"));
    }

    /**
     * The extracted demo.
     *
     * @param project a dbt project folder: its {@code target/} holds the failed build's artifacts
     * @param state the production state folder (its manifest.json), for {@code state:modified}
     */
    public record Extracted(Path project, Path state) {

        /** The demo as a source to load, production state preselected. */
        public ProjectSource.LocalFolder source() {
            return new ProjectSource.LocalFolder(project, Optional.of(state));
        }
    }

    /**
     * Writes the demo's files into the folder, replacing older copies (a newer app may bring newer artifacts).
     *
     * @throws ProjectLoadException if a resource is missing from this build or the folder cannot be written
     */
    public Extracted extract() throws ProjectLoadException {
        Path project = folder.resolve("rescue_shop");
        Path target = project.resolve("target");
        Path state = folder.resolve("state/prod");
        try {
            for (String name : PROJECT_FILES) {
                copy("failed-build/" + name, target.resolve(name));
            }
            copy("state/prod/" + STATE_FILE, state.resolve(STATE_FILE));
        } catch (IOException e) {
            throw new ProjectLoadException(
                    "Could not unpack the demo project into " + folder + ": " + e.getMessage()
                            + ". Check that the folder is writable, or set DBT_RESCUE_HOME to a writable folder",
                    e);
        }
        return new Extracted(project, state);
    }

    private static void copy(String resource, Path file) throws IOException, ProjectLoadException {
        try (InputStream in = DemoProject.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new ProjectLoadException("This build of dbt-rescue has no demo project (" + RESOURCES + resource
                        + " is missing from the application). Open your own project instead");
            }
            Files.createDirectories(file.getParent());
            Path part = file.resolveSibling(file.getFileName() + ".part");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
