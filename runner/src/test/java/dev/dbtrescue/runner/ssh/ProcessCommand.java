// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An exec request of the MINA test server run as a real process, {@code /bin/sh -c COMMAND} in the home folder, the
 * way OpenSSH runs it without a pty: pipes for stdin, stdout and stderr, and a closed channel only closes the
 * process's stdin (nothing is signalled), so the wrapper's own clean-up is what is tested.
 */
final class ProcessCommand implements Command {

    private final String command;
    private InputStream in = InputStream.nullInputStream();
    private OutputStream out = OutputStream.nullOutputStream();
    private OutputStream err = OutputStream.nullOutputStream();
    private ExitCallback exit = (code, message, closeSession) -> {};
    private volatile Process process;

    ProcessCommand(String command) {
        this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(Path.of(System.getProperty("user.home")).toFile())
                .start();
        process = p;
        Thread.ofPlatform().daemon().name("mina-stdin").start(() -> pump(in, p.getOutputStream()));
        Thread stdout = Thread.ofPlatform().daemon().name("mina-stdout").start(() -> pump(p.getInputStream(), out));
        Thread stderr = Thread.ofPlatform().daemon().name("mina-stderr").start(() -> pump(p.getErrorStream(), err));
        Thread.ofPlatform().daemon().name("mina-exit").start(() -> {
            try {
                stdout.join();
                stderr.join();
                exit.onExit(p.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Copies until the end of {@code from}, then closes {@code to}. */
    private static void pump(InputStream from, OutputStream to) {
        byte[] buffer = new byte[8192];
        try (to) {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // the channel or the process went away
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        Process p = process;
        if (p != null) {
            try {
                p.getOutputStream().close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
