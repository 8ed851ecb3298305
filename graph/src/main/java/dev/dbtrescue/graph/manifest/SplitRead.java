// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dbtrescue.graph.internal.ArtifactFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a large manifest in two halves at once. JSON tokenising is the bound of a manifest read (about 150 MB/s per
 * core here), and a 15,000-model manifest is about 190 MB, most of it the {@code nodes} object.
 *
 * <p>The file is cut at a comma between two entries of {@code nodes}, found a little after the middle by looking for
 * {@code }, "model.} (or another node prefix): in valid JSON that quote cannot be inside a string, since a quote
 * inside a string is escaped. The first half is parsed as the bytes before the comma followed by {@code }}}, which
 * closes {@code nodes} and the top level; the second half as {@code {"nodes": {} followed by the bytes after the
 * comma. Each is valid JSON exactly when the cut is where it was meant to be, so the split is trusted only when both
 * halves parse to their end and the first ends inside {@code nodes}. Otherwise, and on any error, the caller reads
 * the whole file from the start, which also words the error for the user.
 */
final class SplitRead {

    private static final byte[] SECOND_PREFIX = "{\"nodes\": {".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FIRST_SUFFIX = "}}".getBytes(StandardCharsets.US_ASCII);

    /** Keys of the {@code nodes} object start with the resource type. */
    private static final byte[][] NODE_PREFIXES = {
        ascii("model."),
        ascii("test."),
        ascii("seed."),
        ascii("snapshot."),
        ascii("analysis."),
        ascii("operation."),
        ascii("sql_operation."),
    };

    /** Where the cut is looked for first, in percent of the file: the first half takes this share of the bytes. */
    static final long FIRST_SHARE_PERCENT = 58;

    /** How far past the place it starts looking the cut is looked for. */
    private static final int WINDOW = 4 << 20;

    private SplitRead() {}

    /**
     * Reads {@code file} in two halves, when it is at least {@code threshold} bytes and a cut is found.
     *
     * @return the manifest, or empty when the caller should read the file from start to end
     */
    static Optional<Manifest> read(Path file, long threshold) {
        try {
            long size = Files.size(file);
            if (size < threshold) {
                return Optional.empty();
            }
            // the part after `nodes` (sources, parent_map, child_map: about a fifth of a large manifest) costs more
            // per byte than the nodes, so an even cut left the second half 0.5-0.9 s behind the first on the
            // 15,000-model manifest; cut later, or at the middle when no node starts there
            OptionalLong cut = findCut(file, size * FIRST_SHARE_PERCENT / 100, size);
            if (cut.isEmpty()) {
                cut = findCut(file, size / 2, size);
            }
            if (cut.isEmpty()) {
                return Optional.empty();
            }
            return readAt(file, cut.getAsLong());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads {@code file} cut at the comma at byte {@code comma}; empty when that is not a cut between nodes. */
    static Optional<Manifest> readAt(Path file, long comma) {
        var check = new ArtifactFiles.MetadataCheck(file.toString(), ArtifactKind.MANIFEST);
        AtomicBoolean abandoned = new AtomicBoolean();
        var second = new FutureTask<>(() -> readSecond(file, comma, check, abandoned));
        Thread.ofPlatform().daemon().name("dbt-rescue-manifest-half").start(second);
        try {
            ManifestReader.Parts first = readFirst(file, comma, check);
            ManifestReader.Parts rest = second.get();
            if (!"nodes".equals(first.lastField)) {
                return Optional.empty();
            }
            ManifestReader.Parts both = first.then(rest);
            if (both.metadata == null) {
                return Optional.empty();
            }
            return Optional.of(both.toManifest(check, Optional.of(file)));
        } catch (IOException | ArtifactException | ExecutionException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            abandoned.set(true); // stops the second half early when the first failed
        }
    }

    private static ManifestReader.Parts readFirst(Path file, long comma, ArtifactFiles.MetadataCheck check)
            throws IOException, ArtifactException {
        InputStream head = new SequenceInputStream(
                new Limited(Files.newInputStream(file), comma), new ByteArrayInputStream(FIRST_SUFFIX));
        return readPart(head, check, 0);
    }

    private static ManifestReader.Parts readSecond(
            Path file, long comma, ArtifactFiles.MetadataCheck check, AtomicBoolean abandoned)
            throws IOException, ArtifactException {
        InputStream tail = Files.newInputStream(file);
        try {
            tail.skipNBytes(comma + 1);
        } catch (IOException e) {
            tail.close();
            throw e;
        }
        InputStream joined =
                new SequenceInputStream(new ByteArrayInputStream(SECOND_PREFIX), new Abandonable(tail, abandoned));
        return readPart(joined, check, comma + 1 - SECOND_PREFIX.length);
    }

    /** Parses one half to its end; it must be exactly one object. */
    private static ManifestReader.Parts readPart(InputStream in, ArtifactFiles.MetadataCheck check, long offsetShift)
            throws IOException, ArtifactException {
        try (in;
                JsonParser p = ArtifactFiles.MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a half of the split manifest does not start with an object");
            }
            var parts = new ManifestReader.Parts();
            ManifestReader.parse(p, check, parts, offsetShift);
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IOException("a half of the split manifest does not end with its object");
            }
            return parts;
        }
    }

    /**
     * The position of a comma between two entries of {@code nodes} at or after {@code from}, within {@link #WINDOW}
     * bytes: a {@code '}'}, the comma, and a quote opening a node's unique id, with optional whitespace between.
     */
    static OptionalLong findCut(Path file, long from, long size) throws IOException {
        int length = (int) Math.min(WINDOW, size - from);
        if (length <= 0) {
            return OptionalLong.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
                // keep reading until the window is full or the file ends
            }
        }
        byte[] bytes = buffer.array();
        int filled = buffer.position();
        for (int i = 0; i < filled; i++) {
            if (bytes[i] != '}') {
                continue;
            }
            int j = skipSpace(bytes, i + 1, filled);
            if (j >= filled || bytes[j] != ',') {
                continue;
            }
            int comma = j;
            j = skipSpace(bytes, j + 1, filled);
            if (j >= filled || bytes[j] != '"') {
                continue;
            }
            if (startsWithNodePrefix(bytes, j + 1, filled)) {
                return OptionalLong.of(from + comma);
            }
        }
        return OptionalLong.empty();
    }

    private static int skipSpace(byte[] bytes, int at, int end) {
        int i = at;
        while (i < end && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean startsWithNodePrefix(byte[] bytes, int at, int end) {
        for (byte[] prefix : NODE_PREFIXES) {
            if (at + prefix.length <= end && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class Limited extends InputStream {
        private final InputStream in;
        private long left;

        Limited(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A stream that fails once the read it serves has been abandoned, so that the parsing thread stops. */
    private static final class Abandonable extends InputStream {
        private final InputStream in;
        private final AtomicBoolean abandoned;

        Abandonable(InputStream in, AtomicBoolean abandoned) {
            this.in = in;
            this.abandoned = abandoned;
        }

        @Override
        public int read() throws IOException {
            stopIfAbandoned();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            stopIfAbandoned();
            return in.read(b, off, len);
        }

        private void stopIfAbandoned() throws IOException {
            if (abandoned.get()) {
                throw new InterruptedIOException("the split manifest read was abandoned");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
