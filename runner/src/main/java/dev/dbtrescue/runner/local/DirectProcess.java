// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.local;

import dev.dbtrescue.runner.DbtInvocation;
import dev.dbtrescue.runner.DbtProcess;
import dev.dbtrescue.runner.EnvVar;
import dev.dbtrescue.runner.RunnerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** dbt started without the POSIX wrapper (systems without {@code /bin/sh}): the tree is destroyed on cancel. */
final class DirectProcess implements DbtProcess {

    private final Process process;
    private final Set<Process> running;

    private DirectProcess(Process process, Set<Process> running) {
        this.process = process;
        this.running = running;
    }

    static DbtProcess start(Path project, DbtInvocation invocation, Set<Process> running) throws RunnerException {
        String exe = invocation.executable().orElseGet(() -> venvDbt(project));
        List<String> argv = new ArrayList<>();
        argv.add(exe);
        argv.addAll(invocation.arguments());
        ProcessBuilder builder =
                new ProcessBuilder(argv).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        for (EnvVar v : invocation.env()) {
            builder.environment().put(v.name(), v.value());
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            running.add(process);
            return new DirectProcess(process, running);
        } catch (IOException e) {
            throw new RunnerException(
                    RunnerException.Kind.DBT_MISSING,
                    "Could not start dbt ('" + exe + "') on this machine: " + e.getMessage()
                            + "; install dbt or give the dbt executable's path",
                    e);
        }
    }

    private static String venvDbt(Path project) {
        for (String candidate : List.of(".venv/Scripts/dbt.exe", "venv/Scripts/dbt.exe", ".venv/bin/dbt")) {
            if (Files.isExecutable(project.resolve(candidate))) {
                return project.resolve(candidate).toString();
            }
        }
        return "dbt";
    }

    @Override
    public int await(LineSink lines) throws RunnerException {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException e) {
            // the process ended
        } catch (RunnerException e) {
            cancel(Duration.ofSeconds(10));
            throw e;
        }
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            running.remove(process);
        }
    }

    @Override
    public void cancel(Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        Thread.ofVirtual().start(() -> {
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }
}
