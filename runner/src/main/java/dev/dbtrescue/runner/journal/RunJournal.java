// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtrescue.runner.BatchOutcome;
import dev.dbtrescue.runner.RunOutcome;
import dev.dbtrescue.runner.RunnerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Appends a run's records to its journal file: one JSON object per line, each forced to disk before the call
 * returns, so that after a crash the journal holds every record that was written. Callers pass text that is already
 * free of secrets. Not thread-safe: one runner thread writes.
 *
 * <p>Record types: {@code run-started} (the header: plan, project, executor, policy), {@code session-started} (a
 * resume), {@code batch-started}, {@code process} (dbt's pid on its host), {@code invocation} (dbt's invocation id),
 * {@code node-finished}, {@code batch-finished}, {@code batch-skipped}, {@code run-finished}.
 */
public final class RunJournal implements AutoCloseable {

    /** The version of the journal format this code writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final Clock clock;

    private RunJournal(Path file, FileChannel channel, Clock clock) {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
    }

    /**
     * Creates a new journal with its header.
     *
     * @throws RunnerException {@code IO} if the file exists or cannot be written
     */
    public static RunJournal create(Path file, JournalHeader header, Clock clock) throws RunnerException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            RunJournal journal = new RunJournal(file, channel, clock);
            journal.write(header.toJson(JSON, clock.instant()));
            return journal;
        } catch (IOException e) {
            throw new RunnerException(
                    RunnerException.Kind.IO, "Could not create the run journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing journal to append a resumed session, after cutting a last line that a crash left unfinished
     * (a complete last record that only lacks its newline is kept).
     *
     * @throws RunnerException {@code IO} if the file cannot be written
     */
    public static RunJournal append(Path file, Clock clock) throws RunnerException {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
            long size = channel.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                channel.read(last, size - 1);
                if (last.get(0) != '\n') {
                    long start = lastNewline(channel, size);
                    ByteBuffer tail = ByteBuffer.allocate((int) (size - start));
                    channel.read(tail, start);
                    if (isRecord(new String(tail.array(), StandardCharsets.UTF_8))) {
                        channel.write(
                                ByteBuffer.wrap(new byte[] {'\n'}), size); // complete, only the newline is missing
                    } else {
                        channel.truncate(start); // cut short by a crash; Journal.read ignores it too
                    }
                }
            }
            channel.position(channel.size());
            return new RunJournal(file, channel, clock);
        } catch (IOException e) {
            throw new RunnerException(
                    RunnerException.Kind.IO, "Could not open the run journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isRecord(String line) {
        try {
            return JSON.readTree(line).isObject();
        } catch (IOException e) {
            return false;
        }
    }

    private static long lastNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long p = size - 1; p >= 0; p--) {
            one.clear();
            channel.read(one, p);
            if (one.get(0) == '\n') {
                return p + 1;
            }
        }
        return 0;
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    /** A resumed session begins. */
    public void sessionStarted(String reason) throws RunnerException {
        write(record("session-started").put("reason", reason));
    }

    /** A batch's dbt invocation starts. */
    public void batchStarted(int batch, int attempt, Collection<String> nodes, List<String> command)
            throws RunnerException {
        ObjectNode r = record("batch-started").put("batch", batch).put("attempt", attempt);
        ArrayNode ids = r.putArray("nodes");
        nodes.forEach(ids::add);
        ArrayNode argv = r.putArray("command");
        command.forEach(argv::add);
        write(r);
    }

    /** dbt's process id on its host, for a resume to wait until an orphaned dbt has ended. */
    public void process(int batch, int attempt, long pid) throws RunnerException {
        write(record("process").put("batch", batch).put("attempt", attempt).put("pid", pid));
    }

    /** dbt's invocation id, which its run_results.json carries. */
    public void invocation(int batch, int attempt, String invocationId) throws RunnerException {
        write(record("invocation").put("batch", batch).put("attempt", attempt).put("invocation_id", invocationId));
    }

    /**
     * A node's result.
     *
     * @param source {@code log} when read from dbt's live log, {@code artifacts} when only run_results.json had it
     */
    public void nodeFinished(
            int batch,
            int attempt,
            String uniqueId,
            String status,
            Duration executionTime,
            String message,
            String source)
            throws RunnerException {
        write(record("node-finished")
                .put("batch", batch)
                .put("attempt", attempt)
                .put("unique_id", uniqueId)
                .put("status", status)
                .put("execution_time", executionTime.toNanos() / 1e9)
                .put("message", message)
                .put("source", source));
    }

    /** A batch's invocation ended. */
    public void batchFinished(int batch, int attempt, BatchOutcome outcome, int exitCode, Duration elapsed)
            throws RunnerException {
        write(record("batch-finished")
                .put("batch", batch)
                .put("attempt", attempt)
                .put("outcome", outcome.name())
                .put("exit_code", exitCode)
                .put("elapsed", elapsed.toNanos() / 1e9));
    }

    /** Nodes of a batch will not run in this session. */
    public void batchSkipped(int batch, Collection<String> nodes, String reason) throws RunnerException {
        ObjectNode r = record("batch-skipped").put("batch", batch).put("reason", reason);
        ArrayNode ids = r.putArray("nodes");
        nodes.forEach(ids::add);
        write(r);
    }

    /** The session ended. */
    public void runFinished(RunOutcome outcome, Duration elapsed) throws RunnerException {
        write(record("run-finished").put("outcome", outcome.name()).put("elapsed", elapsed.toNanos() / 1e9));
    }

    private ObjectNode record(String type) {
        ObjectNode r = JSON.createObjectNode();
        r.put("type", type);
        r.put("at", clock.instant().toString());
        return r;
    }

    private void write(ObjectNode record) throws RunnerException {
        try {
            byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new RunnerException(
                    RunnerException.Kind.IO,
                    "Could not write the run journal " + file + ": " + e.getMessage()
                            + " (free disk space, then resume from it)",
                    e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to save
        }
    }
}
