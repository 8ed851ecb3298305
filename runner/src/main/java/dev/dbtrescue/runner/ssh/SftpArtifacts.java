// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import dev.dbtrescue.runner.DbtExecutor;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.RunnerException.Kind;
import dev.dbtrescue.runner.internal.AtomicFiles;
import dev.dbtrescue.runner.internal.TargetPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Copies dbt's artifacts from a remote project's target folder over SFTP. */
final class SftpArtifacts {

    private SftpArtifacts() {}

    /**
     * Reads the remote {@code dbt_project.yml} for the target path and copies the {@link DbtExecutor#ARTIFACTS} that
     * exist there, each through a {@code .part} file moved in place.
     *
     * @param remoteDir the project folder, absolute or relative to the login folder (SFTP starts there too)
     * @param where the host, for messages
     * @return the names copied
     * @throws RunnerException {@code PROJECT} without a readable {@code dbt_project.yml}, {@code IO} otherwise
     */
    static List<String> fetch(Session session, int timeoutMillis, String remoteDir, Path localDir, String where)
            throws RunnerException {
        ChannelSftp sftp;
        try {
            sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(timeoutMillis);
        } catch (JSchException e) {
            throw new RunnerException(
                    Kind.IO,
                    "Could not open SFTP on " + where + " to copy dbt's artifacts (" + e.getMessage()
                            + "): the SSH server needs its sftp subsystem",
                    e);
        }
        try {
            String target = TargetPath.of(projectYml(sftp, remoteDir, where));
            String dir = target.startsWith("/") ? target : remoteDir + "/" + target;
            Files.createDirectories(localDir);
            List<String> copied = new ArrayList<>();
            for (String name : DbtExecutor.ARTIFACTS) {
                if (copy(sftp, dir + "/" + name, localDir, name)) {
                    copied.add(name);
                }
            }
            return copied;
        } catch (IOException e) {
            if (!session.isConnected()) {
                throw new RunnerException(
                        Kind.CONNECTION_LOST,
                        "The SSH connection to " + where + " dropped while dbt's artifacts were copied: resume the"
                                + " run from its journal",
                        e);
            }
            if (e.getCause() instanceof SftpException) {
                throw new RunnerException(
                        Kind.IO, "Could not copy dbt's artifacts from " + where + ": " + e.getMessage(), e);
            }
            throw new RunnerException(
                    Kind.IO, "Could not write dbt's artifacts to " + localDir + ": " + e.getMessage(), e);
        } finally {
            sftp.disconnect();
        }
    }

    private static String projectYml(ChannelSftp sftp, String remoteDir, String where) throws RunnerException {
        String path = remoteDir + "/dbt_project.yml";
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            sftp.get(path, text);
        } catch (SftpException e) {
            throw new RunnerException(
                    Kind.PROJECT,
                    "Could not read " + path + " on " + where + " (" + e.getMessage()
                            + "): check the remote project folder",
                    e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** Copies one file; false when it does not exist. */
    private static boolean copy(ChannelSftp sftp, String remote, Path localDir, String name) throws IOException {
        return AtomicFiles.replace(localDir.resolve(name), part -> {
            try (OutputStream out = Files.newOutputStream(part)) {
                sftp.get(remote, out);
                return true;
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return false;
                }
                throw new IOException(e.getMessage(), e);
            }
        });
    }
}
