// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.internal;

import dev.dbtrescue.runner.DbtInvocation;
import dev.dbtrescue.runner.DbtProcess;
import dev.dbtrescue.runner.EnvVar;
import dev.dbtrescue.runner.RunnerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runner's side of the {@link Wrapper} protocol over a pair of streams, whichever host they lead to: sends the
 * environment, reads output lines and marker lines, and sends {@code INT}/{@code KILL} to cancel.
 */
public final class WrappedProcess implements DbtProcess {

    /** What the host says when the output ended without the wrapper's exit marker. */
    @FunctionalInterface
    public interface Ending {
        /**
         * @return the exit code of the wrapper
         * @throws RunnerException if the connection to the host was lost
         */
        int exitCode() throws RunnerException;
    }

    private final Wrapper wrapper;
    private final InputStream output;
    private final OutputStream control;
    private final String where;
    private final Ending ending;
    private final AtomicBoolean cancelling = new AtomicBoolean();
    private volatile long pid = -1;

    /**
     * Starts the protocol: writes the invocation's environment and {@code GO} to the wrapper's stdin.
     *
     * @param where the host, for messages (for instance {@code this machine} or {@code analytics-host})
     * @throws RunnerException if the wrapper's stdin cannot be written
     */
    public WrappedProcess(
            Wrapper wrapper,
            DbtInvocation invocation,
            InputStream output,
            OutputStream control,
            String where,
            Ending ending)
            throws RunnerException {
        this.wrapper = wrapper;
        this.output = output;
        this.control = control;
        this.where = where;
        this.ending = ending;
        StringBuilder preamble = new StringBuilder();
        preamble.append("ENV PYTHONUNBUFFERED=1\n");
        for (EnvVar v : invocation.env()) {
            preamble.append("ENV ")
                    .append(v.name())
                    .append('=')
                    .append(v.value())
                    .append('\n');
        }
        preamble.append("GO\n");
        try {
            send(preamble.toString());
        } catch (IOException e) {
            throw new RunnerException(
                    RunnerException.Kind.IO,
                    "Could not start dbt on " + where + ": its input closed at once (" + e.getMessage() + ")",
                    e);
        }
    }

    @Override
    public int await(LineSink lines) throws RunnerException {
        String marker = wrapper.markerPrefix();
        String missing = null;
        Integer exit = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith(marker)) {
                    lines.accept(line);
                    continue;
                }
                String rest = line.substring(marker.length());
                if (rest.startsWith("pid ")) {
                    pid = Long.parseLong(rest.substring(4).strip());
                } else if (rest.startsWith("exit ")) {
                    exit = Integer.parseInt(rest.substring(5).strip());
                } else {
                    missing = rest;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The stream broke: the host decides below whether that was a lost connection.
        } finally {
            closeControl();
        }
        if (missing != null) {
            throw missing(missing);
        }
        if (exit != null) {
            return exit;
        }
        return ending.exitCode();
    }

    private RunnerException missing(String what) {
        if (what.startsWith("missing-dir ")) {
            return new RunnerException(
                    RunnerException.Kind.PROJECT,
                    "The dbt project folder " + what.substring(12) + " does not exist on " + where
                            + ": check the project path");
        }
        String exe = what.startsWith("missing-dbt ") ? what.substring(12) : what;
        return new RunnerException(
                RunnerException.Kind.DBT_MISSING,
                "dbt was not found on " + where + " (looked for '" + exe + "'"
                        + (exe.equals("dbt") ? " in the project's .venv/bin, venv/bin and on PATH" : "")
                        + "): install dbt there or give the dbt executable's path");
    }

    @Override
    public void cancel(Duration grace) {
        if (!cancelling.compareAndSet(false, true)) {
            return;
        }
        try {
            send("INT\n");
        } catch (IOException e) {
            return; // the wrapper is gone, and so is dbt
        }
        Thread.ofVirtual().name("dbt-rescue-kill").start(() -> {
            try {
                Thread.sleep(grace);
                send("KILL\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // ended in time
            }
        });
    }

    @Override
    public OptionalLong pid() {
        long p = pid;
        return p < 0 ? OptionalLong.empty() : OptionalLong.of(p);
    }

    private synchronized void send(String text) throws IOException {
        control.write(text.getBytes(StandardCharsets.UTF_8));
        control.flush();
    }

    /** Closes the wrapper's stdin: the wrapper then stops dbt if it is still running. */
    private void closeControl() {
        try {
            control.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
