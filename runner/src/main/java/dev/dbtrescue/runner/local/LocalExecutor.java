// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.local;

import dev.dbtrescue.runner.DbtExecutor;
import dev.dbtrescue.runner.DbtInvocation;
import dev.dbtrescue.runner.DbtProcess;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.internal.AtomicFiles;
import dev.dbtrescue.runner.internal.TargetPath;
import dev.dbtrescue.runner.internal.WrappedProcess;
import dev.dbtrescue.runner.internal.Wrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs dbt as a local process in the project folder, with the user's environment plus the invocation's variables.
 *
 * <p>On POSIX systems dbt is started through the {@link Wrapper} script, in a session of its own: a cancel interrupts
 * and then kills its whole process tree, and if this JVM dies (even {@code kill -9}) the closed pipe makes the wrapper
 * stop dbt. Without {@code /bin/sh} (Windows) dbt is started directly and a cancel destroys its process tree.
 */
public final class LocalExecutor implements DbtExecutor {

    private static final Path SH = Path.of("/bin/sh");

    private final Path project;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * @param project the dbt project folder (with {@code dbt_project.yml})
     */
    public LocalExecutor(Path project) {
        this.project =
                Objects.requireNonNull(project, "project").toAbsolutePath().normalize();
    }

    @Override
    public String description() {
        return "local " + project;
    }

    @Override
    public String locationKey() {
        try {
            return "local:" + project.toRealPath();
        } catch (IOException e) {
            return "local:" + project;
        }
    }

    @Override
    public DbtProcess start(DbtInvocation invocation) throws RunnerException {
        if (!Files.isRegularFile(project.resolve("dbt_project.yml"))) {
            throw new RunnerException(
                    RunnerException.Kind.PROJECT,
                    project + " is not a dbt project folder (no dbt_project.yml): give the folder dbt runs in");
        }
        invocation = new DbtInvocation(
                resolved(invocation.executable(), Path.of("").toAbsolutePath()),
                invocation.arguments(),
                invocation.env());
        if (!Files.isExecutable(SH)) {
            return DirectProcess.start(project, invocation, running);
        }
        Wrapper wrapper = Wrapper.create();
        ProcessBuilder builder = new ProcessBuilder(wrapper.argv(project.toString(), invocation))
                .directory(project.toFile())
                .redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RunnerException(
                    RunnerException.Kind.IO, "Could not start /bin/sh to run dbt: " + e.getMessage(), e);
        }
        running.add(process);
        return new WrappedProcess(
                wrapper, invocation, process.getInputStream(), process.getOutputStream(), "this machine", () -> {
                    try {
                        return process.waitFor();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    } finally {
                        running.remove(process);
                    }
                });
    }

    /**
     * The dbt executable as the user meant it: a relative path with a folder in it ({@code .venv/bin/dbt}) is taken
     * from the folder dbt-rescue was started in, as a shell would, not from the project folder dbt runs in. A bare
     * name ({@code dbt}) is left to the search of the project's venvs and the PATH.
     *
     * @throws RunnerException when such a path names no file
     */
    static Optional<String> resolved(Optional<String> executable, Path workingDir) throws RunnerException {
        if (executable.isEmpty()) {
            return executable;
        }
        String given = executable.get();
        Path path = Path.of(given);
        if (path.isAbsolute() || path.getNameCount() < 2) {
            return executable;
        }
        Path absolute = workingDir.resolve(path).normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new RunnerException(
                    RunnerException.Kind.DBT_MISSING,
                    "The dbt executable '" + given + "' is not there: a relative path is taken from the folder"
                            + " dbt-rescue was started in (" + workingDir + "), which has no " + absolute
                            + ". Give the full path of dbt.");
        }
        return Optional.of(absolute.toString());
    }

    @Override
    public List<String> fetchArtifacts(Path localDir) throws RunnerException {
        Path target = targetDir();
        List<String> copied = new ArrayList<>();
        try {
            Files.createDirectories(localDir);
            boolean same = Files.isDirectory(target) && Files.isSameFile(target, localDir);
            for (String name : ARTIFACTS) {
                if (same
                        ? Files.isRegularFile(target.resolve(name))
                        : AtomicFiles.copy(target.resolve(name), localDir.resolve(name))) {
                    copied.add(name);
                }
            }
        } catch (IOException e) {
            throw new RunnerException(
                    RunnerException.Kind.IO,
                    "Could not copy dbt's artifacts from " + target + " to " + localDir + ": " + e.getMessage(),
                    e);
        }
        return copied;
    }

    /** The project's target folder ({@code target-path} of dbt_project.yml). */
    private Path targetDir() throws RunnerException {
        String yml;
        try {
            yml = Files.readString(project.resolve("dbt_project.yml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunnerException(
                    RunnerException.Kind.PROJECT,
                    "Could not read " + project.resolve("dbt_project.yml") + ": " + e.getMessage(),
                    e);
        }
        return project.resolve(TargetPath.of(yml));
    }

    @Override
    public boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Stops whatever is still running (the wrapper stops dbt when its input closes). */
    @Override
    public void close() {
        for (Process p : running) {
            try {
                p.getOutputStream().close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
