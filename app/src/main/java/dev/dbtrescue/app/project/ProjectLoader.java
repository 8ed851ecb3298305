// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.manifest.ProjectArtifacts;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.manifest.SourceFreshnessResults;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.runner.DbtExecutor;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.ssh.SshPrompts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Opens a project from any {@link ProjectSource} into a {@link ProjectSession}: copies remote artifacts, reads the
 * artifacts and the state folder, and analyses the run. Synchronous and usable from any thread (never the FX thread:
 * it reads large files). Reports steps to a {@link LoadProgress} and stops between steps when it is cancelled.
 */
public final class ProjectLoader {

    private final AppFolders folders;
    private final RemoteArtifacts remote;
    private final Clock clock;
    private final ArtifactLoader artifacts = new ArtifactLoader();
    /** Counts the loads begun, so that a warm-up gives way to the first. */
    private final AtomicInteger loadsBegun = new AtomicInteger();

    /**
     * @param folders where SSH copies and the demo are cached
     * @param remote how remote artifacts are copied ({@link RemoteArtifacts#overSsh})
     * @param clock the clock ages (of sources, of runs) are measured with
     */
    public ProjectLoader(AppFolders folders, RemoteArtifacts remote, Clock clock) {
        this.folders = folders;
        this.remote = remote;
        this.clock = clock;
    }

    /** As {@link #load(ProjectSource, LoadProgress, SshPrompts)}, refusing unknown SSH hosts without asking. */
    public ProjectSession load(ProjectSource source, LoadProgress progress) throws ProjectLoadException {
        return load(source, progress, SshPrompts.none());
    }

    /**
     * Opens a project.
     *
     * @param prompts asked when an SSH host is unknown or a key needs a passphrase
     * @throws ProjectLoadException with a message for the user: which file or host, what is wrong, what to do
     * @throws CancellationException if the progress was cancelled or the thread interrupted
     */
    public ProjectSession load(ProjectSource source, LoadProgress progress, SshPrompts prompts)
            throws ProjectLoadException {
        loadsBegun.incrementAndGet();
        try {
            return switch (source) {
                case ProjectSource.LocalFolder f -> {
                    progress.step("Looking for " + f.folder().resolve("target"), 0.05);
                    yield fromFolder(
                            f.folder(), f.key().describe(), f.state(), progress, ProjectPlace.local(f.folder()));
                }
                case ProjectSource.ArtifactFiles f ->
                    read(f.manifest(), f.runResults(), f.sources(), f.key().describe(), f.state(), progress);
                case ProjectSource.Ssh s -> {
                    Path copy = fetch(s, progress, prompts);
                    yield fromFolder(
                            copy,
                            s.key().describe(),
                            s.state(),
                            progress,
                            ProjectPlace.remote(copy, s.host(), s.remoteDir()));
                }
                case ProjectSource.Demo d -> {
                    progress.step("Unpacking the demo project", 0.05);
                    DemoProject.Extracted demo = DemoProject.in(folders).extract();
                    yield fromFolder(
                            demo.project(),
                            d.describe(),
                            Optional.of(demo.state()),
                            progress,
                            ProjectPlace.local(demo.project()));
                }
            };
        } catch (ArtifactException e) {
            throw new ProjectLoadException(e.getMessage(), e);
        } catch (RunnerException e) {
            throw new ProjectLoadException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ProjectLoadException("Could not open " + source.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an opened project's artifacts again from its folder (dbt wrote new ones, or a remote run copied them
     * back), with the same origin, state and place.
     *
     * @throws ProjectLoadException if the project was not opened from a folder, or its artifacts cannot be read
     */
    public ProjectSession reload(ProjectSession session, LoadProgress progress) throws ProjectLoadException {
        loadsBegun.incrementAndGet();
        Path folder = session.place()
                .folder()
                .orElseThrow(() -> new ProjectLoadException(
                        "The project was opened from single artifact files: open them again to see new results"));
        try {
            progress.checkCancelled();
            ProjectArtifacts fresh = artifacts.loadProject(folder, List.of(), file -> reading(file, progress));
            // dbt rewrites target/run_results.json with each invocation: the results read before stay, the newest
            // result of a node wins (ProjectStatus merges by time)
            List<RunResults> runs =
                    new ArrayList<>(session.project().artifacts().runResults());
            Set<String> seen = new HashSet<>();
            runs.forEach(r -> seen.add(runKey(r)));
            fresh.runResults().stream().filter(r -> seen.add(runKey(r))).forEach(runs::add);
            List<SourceFreshnessResults> sources =
                    fresh.sources().isEmpty() ? session.project().artifacts().sources() : fresh.sources();
            // in the order read before, so that the screens' graph indices stay valid
            Manifest manifest = fresh.manifest()
                    .inOrderOf(session.project().graph().nodes().stream()
                            .map(Node::id)
                            .toList());
            return open(
                    new ProjectArtifacts(manifest, runs, sources),
                    session.origin(),
                    session.stateOrigin().map(Path::of),
                    progress,
                    session.place());
        } catch (ArtifactException e) {
            throw new ProjectLoadException(e.getMessage(), e);
        }
    }

    /**
     * Opens the bundled demo up to {@code rounds} times, each time as a user's open does (reading the artifacts and
     * the state, analysing the run) and then handing the session to {@code after} (the app lays it out), and forgets
     * every session. Run once, on a background thread, while the window waits for the user to choose a project: the
     * JIT then has the reading and analysing code compiled before the user's first open of a large project, which
     * otherwise runs about half of its time in the interpreter and the JIT's first tiers (ADR 0012). The demo is
     * unpacked into a scratch folder of its own, deleted afterwards.
     *
     * <p>It gives way to the user: it stops as soon as a {@link #load} or {@link #reload} begins, within the step it
     * is in, and when its thread is interrupted.
     *
     * @return how many rounds were done to the end
     */
    public int warmUp(int rounds, Consumer<ProjectSession> after) {
        int begun = loadsBegun.get();
        LoadProgress progress = new LoadProgress() {
            @Override
            public void step(String text, double fraction) {}

            @Override
            public boolean isCancelled() {
                return loadsBegun.get() != begun;
            }
        };
        Path scratch = null;
        int done = 0;
        try {
            scratch = Files.createTempDirectory("dbt-rescue-warm-up");
            DemoProject.Extracted demo = new DemoProject(scratch).extract();
            ProjectPlace place = ProjectPlace.local(demo.project());
            while (done < rounds) {
                progress.checkCancelled();
                ProjectSession session =
                        fromFolder(demo.project(), "warm-up", Optional.of(demo.state()), progress, place);
                progress.checkCancelled();
                after.accept(session);
                done++;
            }
        } catch (IOException | ArtifactException | ProjectLoadException | CancellationException e) {
            // a warm-up that cannot run, or was stopped, costs the user nothing but the time it saves
        } finally {
            if (scratch != null) {
                deleteQuietly(scratch);
            }
        }
        return done;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // left in the temporary folder, which the system clears
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

    private static String runKey(RunResults run) {
        return run.metadata().invocationId().orElse("") + "@"
                + run.metadata().generatedAt().map(Object::toString).orElse(run.source());
    }

    private ProjectSession fromFolder(
            Path folder, String origin, Optional<Path> state, LoadProgress progress, ProjectPlace place)
            throws ArtifactException {
        progress.checkCancelled();
        return open(
                artifacts.loadProject(folder, List.of(), file -> reading(file, progress)),
                origin,
                state,
                progress,
                place);
    }

    private ProjectSession read(
            Path manifestFile,
            List<Path> runFiles,
            List<Path> sourceFiles,
            String origin,
            Optional<Path> state,
            LoadProgress progress)
            throws ArtifactException {
        return open(
                artifacts.load(manifestFile, runFiles, sourceFiles, file -> reading(file, progress)),
                origin,
                state,
                progress,
                ProjectPlace.NONE);
    }

    /** Progress before each file: the manifest is most of the reading, run results and sources follow. */
    private static void reading(Path file, LoadProgress progress) {
        String name = file.getFileName().toString();
        progress.step("Reading " + name, name.startsWith("manifest") ? 0.1 : name.startsWith("sources") ? 0.6 : 0.5);
        progress.checkCancelled();
    }

    private ProjectSession open(
            ProjectArtifacts read, String origin, Optional<Path> state, LoadProgress progress, ProjectPlace place)
            throws ArtifactException {
        SelectionState selection = SelectionState.NONE;
        if (state.isPresent()) {
            progress.step("Reading the state folder " + state.get(), 0.7);
            progress.checkCancelled();
            selection = StateFolder.read(state.get(), read);
        }
        progress.step("Analysing the run", 0.85);
        progress.checkCancelled();
        ProjectSession session =
                ProjectSession.of(origin, read, selection, state.map(Path::toString), clock.instant(), place);
        progress.checkCancelled();
        progress.step("Opened " + session.title(), 1);
        return session;
    }

    /** Copies the remote artifacts into this host and folder's cache; returns a local project folder. */
    private Path fetch(ProjectSource.Ssh source, LoadProgress progress, SshPrompts prompts)
            throws RunnerException, ProjectLoadException {
        progress.step("Connecting to " + source.host(), -1);
        progress.checkCancelled();
        Path project = cacheFolder(source);
        Path target = project.resolve("target");
        try {
            // a copy from an earlier visit must not stand in for a file the host no longer has
            for (String name : DbtExecutor.ARTIFACTS) {
                Files.deleteIfExists(target.resolve(name));
            }
        } catch (IOException e) {
            throw new ProjectLoadException(
                    "Could not clear the cached copy in " + target + ": " + e.getMessage()
                            + ". Check that the folder is writable",
                    e);
        }
        List<String> copied = remote.fetch(source, target, prompts, progress);
        progress.checkCancelled();
        if (!copied.contains("manifest.json")) {
            throw new ProjectLoadException("ssh " + source.host() + ": " + source.remoteDir()
                    + " has no manifest.json in its target folder, so dbt has not written artifacts there yet. Run"
                    + " `dbt parse` (or `dbt build`) in that folder on the host first");
        }
        return project;
    }

    /** A folder per host and remote folder, named so a person can tell them apart. */
    Path cacheFolder(ProjectSource.Ssh source) {
        String readable = (source.host() + "-" + source.remoteDir()).replaceAll("[^A-Za-z0-9_.@-]+", "_");
        if (readable.length() > 60) {
            readable = readable.substring(0, 60);
        }
        return folders.cache()
                .resolve("ssh")
                .resolve(readable + "-" + shortHash(source.host() + "\n" + source.remoteDir()));
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
