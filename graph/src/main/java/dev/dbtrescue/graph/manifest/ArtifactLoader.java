// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Finds and reads a project's artifacts: {@code target/manifest.json} (required), {@code target/run_results.json}
 * and {@code target/sources.json} (optional), or files named one by one.
 *
 * <p>Stateless and thread-safe. The run results and sources are read on a thread of their own while the manifest is
 * read.
 */
public final class ArtifactLoader {

    private final ManifestReader manifests = new ManifestReader();
    private final RunResultsReader runResults = new RunResultsReader();
    private final SourcesReader sources = new SourcesReader();

    /**
     * Reads the artifacts dbt left in {@code projectDir/target/}.
     *
     * @throws ArtifactException if the folder or its manifest is missing or unreadable, or any artifact is bad
     */
    public ProjectArtifacts loadProject(Path projectDir) throws ArtifactException {
        return loadProject(projectDir, List.of());
    }

    /**
     * Reads the artifacts dbt left in {@code projectDir/target/}, plus run results of earlier runs (kept elsewhere
     * because each dbt run overwrites {@code target/run_results.json}).
     *
     * @throws ArtifactException if the folder or its manifest is missing or unreadable, or any artifact is bad
     */
    public ProjectArtifacts loadProject(Path projectDir, List<Path> earlierRunResults) throws ArtifactException {
        return loadProject(projectDir, earlierRunResults, file -> {});
    }

    /**
     * As {@link #loadProject(Path, List)}, telling {@code beforeReading} each file as its turn comes (for progress; an
     * unchecked exception it throws, such as a cancellation, stops the load).
     *
     * @throws ArtifactException if the folder or its manifest is missing or unreadable, or any artifact is bad
     */
    public ProjectArtifacts loadProject(Path projectDir, List<Path> earlierRunResults, Consumer<Path> beforeReading)
            throws ArtifactException {
        Path manifest = manifestOf(projectDir);
        Path target = manifest.getParent();
        Path results = target.resolve("run_results.json");
        Path freshness = target.resolve("sources.json");
        List<Path> runs = new ArrayList<>(earlierRunResults);
        if (Files.exists(results)) {
            runs.add(results);
        }
        return load(manifest, runs, Files.exists(freshness) ? List.of(freshness) : List.of(), beforeReading);
    }

    /**
     * The {@code target/manifest.json} of a project folder, for callers that need the manifest only.
     *
     * @throws ArtifactException if the folder, its target/ or its manifest is missing, with what to do
     */
    public Path manifestOf(Path projectDir) throws ArtifactException {
        if (!Files.exists(projectDir)) {
            throw new ArtifactException(projectDir, "this project folder does not exist", "Check the path");
        }
        if (!Files.isDirectory(projectDir)) {
            throw new ArtifactException(
                    projectDir,
                    "is a file, not a dbt project folder",
                    "Pass the folder that holds dbt_project.yml, or pass the file with --manifest");
        }
        Path target = projectDir.resolve("target");
        if (!Files.isDirectory(target)) {
            throw new ArtifactException(
                    projectDir,
                    "has no target/ folder, so dbt has not written artifacts here yet",
                    "Run `dbt parse` (or `dbt build`) in the project first, or pass artifact files with --manifest");
        }
        Path manifest = target.resolve("manifest.json");
        if (!Files.exists(manifest)) {
            throw new ArtifactException(
                    target,
                    "has no manifest.json",
                    "Run `dbt parse` (or any dbt command that parses the project) in " + projectDir);
        }
        return manifest;
    }

    /**
     * Reads named artifact files. Run results are ordered by their {@code generated_at}, so the order they are given
     * in does not matter.
     *
     * @throws ArtifactException if any file is missing, unreadable or not the expected artifact
     */
    public ProjectArtifacts load(Path manifest, List<Path> runResultFiles, List<Path> sourceFiles)
            throws ArtifactException {
        return load(manifest, runResultFiles, sourceFiles, file -> {});
    }

    /**
     * As {@link #load(Path, List, List)}, telling {@code beforeReading} each file as its turn comes (for progress; an
     * unchecked exception it throws, such as a cancellation, stops the load): the manifest before it is read, the
     * others, which are read beside it, once it is read.
     *
     * @throws ArtifactException if any file is missing, unreadable or not the expected artifact
     */
    public ProjectArtifacts load(
            Path manifest, List<Path> runResultFiles, List<Path> sourceFiles, Consumer<Path> beforeReading)
            throws ArtifactException {
        beforeReading.accept(manifest);
        // the run results and sources are read on another thread meanwhile: the manifest's read leaves a core idle
        // while it loads the file and when one of its halves ends first (0.2-0.5 s of a 15,000-model project's open)
        var others = new FutureTask<>(() -> readOthers(runResultFiles, sourceFiles));
        if (runResultFiles.isEmpty() && sourceFiles.isEmpty()) {
            others.run();
        } else {
            Thread.ofPlatform().daemon().name("dbt-rescue-artifacts").start(others);
        }
        try {
            Manifest m = manifests.read(manifest);
            for (Path file : runResultFiles) {
                beforeReading.accept(file);
            }
            for (Path file : sourceFiles) {
                beforeReading.accept(file);
            }
            Others read = others.get();
            return new ProjectArtifacts(m, read.runs(), read.freshness());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ArtifactException bad) {
                throw bad;
            }
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException("reading the run results failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading the run results");
        } finally {
            others.cancel(true); // no-op once done; stops the read when the manifest failed or the load was cancelled
        }
    }

    /** The artifacts read beside the manifest. */
    private record Others(List<RunResults> runs, List<SourceFreshnessResults> freshness) {}

    /** Reads the files in order, so that the first bad one is the one reported, as when read one after another. */
    private Others readOthers(List<Path> runResultFiles, List<Path> sourceFiles) throws ArtifactException {
        List<RunResults> runs = new ArrayList<>();
        for (Path file : runResultFiles) {
            runs.add(runResults.read(file));
        }
        runs.sort(Comparator.comparing(r -> r.metadata().generatedAt().orElse(Instant.EPOCH)));
        List<SourceFreshnessResults> freshness = new ArrayList<>();
        for (Path file : sourceFiles) {
            freshness.add(sources.read(file));
        }
        return new Others(runs, freshness);
    }
}
