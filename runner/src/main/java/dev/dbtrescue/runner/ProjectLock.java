// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One run at a time per project location: two dbt processes in one project would overwrite each other's target
 * folder. The lock is an operating-system file lock, which the system releases when its process dies, so a lock left
 * by a crashed or killed run is recognised as stale and taken over; the file's content (pid, start, journal) only
 * explains who holds a live lock.
 */
public final class ProjectLock implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<String> staleHolder;

    private ProjectLock(Path file, FileChannel channel, FileLock lock, Optional<String> staleHolder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.staleHolder = staleHolder;
    }

    /**
     * Takes the lock of a project location.
     *
     * @param locks the folder of lock files
     * @param location the executor's location key
     * @param journal the journal of the run taking the lock, to tell whoever finds it held
     * @throws RunnerException {@code LOCKED} naming the holder if another live run holds it; {@code IO} if the lock
     *     file cannot be written
     */
    public static ProjectLock acquire(Path locks, String location, Path journal) throws RunnerException {
        Path file = locks.resolve(hash(location) + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(locks);
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            String previous = read(channel);
            if (lock == null) {
                channel.close();
                throw new RunnerException(
                        RunnerException.Kind.LOCKED,
                        "Another run is already running dbt in "
                                + location + holder(previous)
                                + ": wait for it to finish or cancel it first (dbt's target"
                                + " folder would be overwritten by both)");
            }
            String self = JSON.createObjectNode()
                    .put("pid", ProcessHandle.current().pid())
                    .put("started", Instant.now().toString())
                    .put("location", location)
                    .put("journal", journal.toString())
                    .toString();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(self.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            Optional<String> stale = previous.isBlank()
                    ? Optional.empty()
                    : Optional.of(holder(previous).strip());
            return new ProjectLock(file, channel, lock, stale);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // reporting the first problem
                }
            }
            throw new RunnerException(
                    RunnerException.Kind.IO, "Could not take the project lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 64 * 1024);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static String holder(String content) {
        try {
            JsonNode n = JSON.readTree(content);
            if (n == null || !n.has("pid")) {
                return "";
            }
            return " (pid " + n.path("pid").asLong() + ", started "
                    + n.path("started").asText() + ", journal "
                    + n.path("journal").asText() + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static String hash(String location) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Who held the lock before when that run died without releasing it (the lock was stale and is now ours). */
    public Optional<String> staleHolder() {
        return staleHolder;
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /**
     * Empties the lock file and releases the lock. The file stays: deleting it would let one process lock the old
     * file while another creates and locks a new one, both believing they hold the project.
     */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            channel.force(false);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the system releases the lock with the channel anyway
        }
    }
}
