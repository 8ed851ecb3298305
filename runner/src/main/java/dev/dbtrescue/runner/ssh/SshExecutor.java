// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.JSchException;
import dev.dbtrescue.graph.plan.ShellQuoting;
import dev.dbtrescue.runner.DbtExecutor;
import dev.dbtrescue.runner.DbtInvocation;
import dev.dbtrescue.runner.DbtProcess;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.RunnerException.Kind;
import dev.dbtrescue.runner.internal.WrappedProcess;
import dev.dbtrescue.runner.internal.Wrapper;
import dev.dbtrescue.runner.ssh.SshConnector.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Runs dbt in a project folder on an SSH host, with JSch: the user's {@code ~/.ssh/config} (Host aliases,
 * HostName, User, Port, IdentityFile, ProxyJump), keys from files and the ssh-agent, host keys verified against
 * {@code known_hosts}.
 *
 * <p>dbt is started through the {@link Wrapper} script in an exec channel, every word shell-quoted, so nothing in
 * paths, selectors or vars reaches the remote shell as syntax. The wrapper stops dbt's process group when the channel
 * closes, whether this executor closes it, the runner dies or the connection drops; keepalives notice a dead
 * connection within {@code keepAliveInterval * (keepAliveCountMax + 1)} (about 20 s by default).
 *
 * <p>One SSH connection is shared by every command of the executor and opened again if it dropped. Thread-safe.
 * Connecting may call the {@link SshPrompts} on the calling thread.
 */
public final class SshExecutor implements DbtExecutor {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    private final SshTarget target;
    private final String remoteDir;
    private final Optional<String> dbtExecutable;
    private final SshSettings settings;
    private final ResolvedHost host;
    private final SshConnector connector;
    private final @Nullable String configProblem;
    /** Held while connecting, which may wait on a prompt; {@link #close()} never takes it. */
    private final Object connecting = new Object();

    private final AtomicReference<@Nullable Connection> connection = new AtomicReference<>();
    private volatile boolean closed;

    /**
     * An executor that finds dbt in the project's virtual environment or on the host's {@code PATH}, unless an
     * invocation names it.
     *
     * @see #SshExecutor(SshTarget, String, Optional, SshSettings, SshPrompts)
     */
    public SshExecutor(SshTarget target, String remoteDir, SshSettings settings, SshPrompts prompts) {
        this(target, remoteDir, Optional.empty(), settings, prompts);
    }

    /**
     * Reads the ssh config for the target; connects on first use.
     *
     * @param remoteDir the dbt project folder on the host: absolute, or relative to the login folder ({@code ~/}
     *     is the login folder too)
     * @param dbtExecutable the dbt executable on the host, for invocations that do not name one; empty to look in
     *     the project's {@code .venv/bin}, {@code venv/bin}, then on {@code PATH}
     * @throws IllegalArgumentException if {@code remoteDir} is blank or the config's ProxyJump is malformed
     */
    public SshExecutor(
            SshTarget target,
            String remoteDir,
            Optional<String> dbtExecutable,
            SshSettings settings,
            SshPrompts prompts) {
        this.target = Objects.requireNonNull(target, "target");
        this.remoteDir = normalize(remoteDir);
        this.dbtExecutable = Objects.requireNonNull(dbtExecutable, "dbtExecutable");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(prompts, "prompts");
        String localUser = System.getProperty("user.name");
        Path home = Path.of(System.getProperty("user.home"));
        Optional<ConfigRepository> config = Optional.empty();
        String problem = null;
        try {
            config = ResolvedHost.readConfig(settings.sshConfig(), home);
        } catch (IOException e) {
            problem = "Could not read the ssh config " + settings.sshConfig() + ": " + e.getMessage();
        }
        this.configProblem = problem;
        this.host = ResolvedHost.resolve(target, config, localUser, home);
        this.connector = new SshConnector(settings, prompts, config, localUser, home);
    }

    private static String normalize(String dir) {
        String d = dir.strip();
        if (d.isEmpty()) {
            throw new IllegalArgumentException("the remote project folder is empty: give the folder dbt runs in");
        }
        if (d.equals("~") || d.equals("~/")) {
            return ".";
        }
        if (d.startsWith("~/")) {
            d = d.substring(2); // the login shell and SFTP both start in the home folder
        }
        while (d.length() > 1 && d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /** For instance {@code ssh deploy@analytics:2222 /srv/shop}: the user and port after applying the ssh config. */
    @Override
    public String description() {
        String name = target.host().indexOf(':') >= 0 ? "[" + target.host() + "]" : target.host();
        return "ssh " + host.user() + "@" + name + (host.port() == 22 ? "" : ":" + host.port()) + " " + remoteDir;
    }

    /** For instance {@code ssh:deploy@analytics.example.com:22:/srv/shop}, with the resolved host name. */
    @Override
    public String locationKey() {
        return "ssh:" + host.user() + "@" + host.hostName().toLowerCase(Locale.ROOT) + ":" + host.port() + ":"
                + remoteDir;
    }

    @Override
    public DbtProcess start(DbtInvocation invocation) throws RunnerException {
        DbtInvocation effective = invocation.executable().isPresent() || dbtExecutable.isEmpty()
                ? invocation
                : new DbtInvocation(dbtExecutable, invocation.arguments(), invocation.env());
        Wrapper wrapper = Wrapper.create();
        Exec exec = openExec(wrapper.remoteCommand(remoteDir, effective));
        try {
            return new WrappedProcess(
                    wrapper, effective, exec.stdout(), exec.stdin(), host.hostAndPort(), () -> ending(exec));
        } catch (RunnerException e) {
            exec.channel().disconnect();
            throw e;
        }
    }

    /** The output ended without the wrapper's exit line: the channel's exit status, or the connection was lost. */
    private int ending(Exec exec) throws RunnerException {
        ChannelExec channel = exec.channel();
        waitFor(() -> channel.isClosed() || !exec.connection().isConnected(), CLOSE_WAIT);
        int status = channel.getExitStatus();
        if (status >= 0) {
            String complaint = exec.stderr().text();
            if (status != 0 && !complaint.isEmpty()) {
                throw new RunnerException(
                        Kind.IO,
                        "dbt's wrapper could not run on " + host.hostAndPort() + " (exit " + status + "): "
                                + complaint);
            }
            return status;
        }
        // JSch closes the channels of a dropped session before it marks the session down: give it a moment.
        waitFor(() -> !exec.connection().isConnected(), Duration.ofSeconds(1));
        if (closed) {
            return -1; // stopped by close()
        }
        if (!exec.connection().isConnected()) {
            drop(exec.connection());
            throw new RunnerException(
                    Kind.CONNECTION_LOST,
                    "The SSH connection to " + host.display() + " dropped while dbt was running (no exit status"
                            + " arrived; dbt on the host stops when its connection closes): resume the run"
                            + " from its journal");
        }
        return -1; // the remote shell ended by a signal
    }

    @Override
    public List<String> fetchArtifacts(Path localDir) throws RunnerException {
        Connection c = connection();
        return SftpArtifacts.fetch(
                c.target(), SshConnector.millis(settings.connectTimeout()), remoteDir, localDir, host.hostAndPort());
    }

    /** Asks the host with {@code kill -0} (then {@code ps -p}, for a process of another user). */
    @Override
    public boolean isAlive(long pid) throws RunnerException {
        if (pid <= 0) {
            return false; // kill -0 with 0 or a negative pid would ask about process groups
        }
        String p = ShellQuoting.quote(Long.toString(pid));
        Exec exec = openExec("kill -0 " + p + " 2>/dev/null || ps -p " + p + " >/dev/null 2>&1");
        ChannelExec channel = exec.channel();
        try {
            exec.stdin().close();
            exec.stdout().readAllBytes();
            waitFor(channel::isClosed, settings.connectTimeout());
        } catch (IOException e) {
            // the status below says whether the answer arrived
        } finally {
            channel.disconnect();
        }
        int status = channel.getExitStatus();
        if (status < 0) {
            throw new RunnerException(
                    Kind.CONNECTION_LOST, "Could not ask " + host.hostAndPort() + " whether process " + pid + " runs");
        }
        return status == 0;
    }

    /**
     * Closes the connection: its channels close, and the wrapper on the host stops any dbt still running. Returns at
     * once, even while another thread is connecting (and perhaps waiting on a prompt): that connection is closed as
     * soon as it is made.
     */
    @Override
    public void close() {
        closed = true;
        Connection c = connection.getAndSet(null);
        if (c != null) {
            c.close();
        }
    }

    private record Exec(
            Connection connection, ChannelExec channel, InputStream stdout, OutputStream stdin, OutputTail stderr) {}

    /** Opens an exec channel; if the shared connection turns out dead, connects again once. */
    private Exec openExec(String command) throws RunnerException {
        for (int attempt = 1; ; attempt++) {
            Connection c = connection();
            try {
                ChannelExec channel = (ChannelExec) c.target().openChannel("exec");
                channel.setCommand(command);
                OutputTail stderr = new OutputTail();
                channel.setErrStream(stderr, true);
                InputStream stdout = channel.getInputStream();
                OutputStream stdin = channel.getOutputStream();
                channel.connect(SshConnector.millis(settings.connectTimeout()));
                return new Exec(c, channel, stdout, stdin, stderr);
            } catch (JSchException | IOException e) {
                // A refused channel (MaxSessions, say) on a live connection must not close it: that would stop
                // every dbt running over it. Only a dead connection is dropped and opened again.
                boolean dead = !c.isConnected();
                if (dead) {
                    drop(c);
                }
                if (!dead || attempt == 2) {
                    throw new RunnerException(
                            Kind.UNREACHABLE,
                            "Could not start a command on " + host.hostAndPort() + " over SSH: " + e.getMessage(),
                            e);
                }
            }
        }
    }

    private Connection connection() throws RunnerException {
        synchronized (connecting) {
            if (closed) {
                throw new RunnerException(Kind.IO, "The SSH executor for " + host.hostAndPort() + " is closed");
            }
            if (configProblem != null) {
                throw new RunnerException(Kind.IO, configProblem);
            }
            Connection c = connection.get();
            if (c != null && c.isConnected()) {
                return c;
            }
            if (c != null) {
                drop(c);
            }
            Connection fresh = connector.connect(host);
            connection.set(fresh);
            if (closed) { // close() ran while this thread connected
                drop(fresh);
                throw new RunnerException(Kind.IO, "The SSH executor for " + host.hostAndPort() + " is closed");
            }
            return fresh;
        }
    }

    private void drop(Connection c) {
        connection.compareAndSet(c, null);
        c.close();
    }

    private interface Condition {
        boolean holds();
    }

    private static void waitFor(Condition condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
