// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import dev.dbtrescue.graph.internal.ArtifactFiles;
import dev.dbtrescue.graph.internal.Canonicalizer;
import dev.dbtrescue.graph.internal.JsonBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads a manifest from memory with {@link JsonBytes}, and a large one in two halves at once. Most of a large
 * manifest is values dbt-rescue does not keep ({@code columns}, SQL, {@code refs}, {@code child_map}); passing over
 * them byte by byte is about four times as fast as Jackson's tokenizer, which bounded the streaming read. A
 * 15,000-model manifest is about 190 MB, most of it the {@code nodes} object.
 *
 * <p>A large file is cut at a comma between two entries of {@code nodes}, found a little after the middle by looking
 * for {@code }, "model.} (or another node prefix): in valid JSON that quote cannot be inside a string, since a quote
 * inside a string is escaped. The first half reads from the start and stops at the comma; the second reads the
 * entries after it, then the rest of the file. The first half checks that it stopped exactly there between two
 * entries of {@code nodes}; otherwise the cut was inside a node (a user's {@code meta} key can look like one) and
 * the file is read in one piece.
 *
 * <p>Any doubt about the bytes gives an empty result, and the caller reads the file with Jackson, which also words
 * the error for the user. The second half is stopped as soon as the first fails, so that read does not share the
 * machine with work that will be thrown away.
 */
final class SplitRead {

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

    /** Files larger than this are not read into memory: Jackson streams them. */
    static final long MAX_IN_MEMORY = 1L << 30;

    private SplitRead() {}

    /**
     * Reads {@code file} from memory, in two halves when it is at least {@code splitThreshold} bytes and a cut is
     * found.
     *
     * @return the manifest, or empty when the caller should read the file with Jackson
     */
    static Optional<Manifest> read(Path file, long splitThreshold) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_IN_MEMORY) {
                return Optional.empty();
            }
            bytes = ArtifactFiles.bytes(file, ArtifactKind.MANIFEST);
        } catch (IOException | ArtifactException e) {
            return Optional.empty();
        }
        if (bytes.length >= splitThreshold) {
            // the part after `nodes` (sources, parent_map, child_map: about a fifth of a large manifest) costs more
            // per byte than the nodes, so an even cut left the second half behind the first on the 15,000-model
            // manifest; cut later, or at the middle when no node starts there
            OptionalLong cut = findCut(bytes, bytes.length * FIRST_SHARE_PERCENT / 100);
            if (cut.isEmpty()) {
                cut = findCut(bytes, bytes.length / 2);
            }
            if (cut.isPresent()) {
                Optional<Manifest> split = readAt(file, bytes, cut.getAsLong());
                if (split.isPresent()) {
                    return split;
                }
            }
        }
        return readWhole(file, bytes);
    }

    /** Reads {@code bytes}, the content of {@code file}, from start to end on the calling thread. */
    static Optional<Manifest> readWhole(Path file, byte[] bytes) {
        var check = new ArtifactFiles.MetadataCheck(file.toString(), ArtifactKind.MANIFEST);
        try {
            var parts = new ManifestReader.Parts();
            ManifestReader.parse(new JsonBytes(bytes, 0, bytes.length), check, parts, new Canonicalizer(), -1);
            return parts.metadata == null ? Optional.empty() : Optional.of(parts.toManifest(check, Optional.of(file)));
        } catch (JsonBytes.Malformed | IOException | ArtifactException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads {@code bytes}, the content of {@code file}, cut at the comma at byte {@code comma}; empty when that is not
     * a cut between two entries of {@code nodes} or the bytes are not a valid manifest.
     */
    static Optional<Manifest> readAt(Path file, byte[] bytes, long comma) {
        if (comma <= 0 || comma >= bytes.length) {
            return Optional.empty();
        }
        var check = new ArtifactFiles.MetadataCheck(file.toString(), ArtifactKind.MANIFEST);
        var secondCheck = new ArtifactFiles.MetadataCheck(file.toString(), ArtifactKind.MANIFEST);
        var second = new FutureTask<>(() -> {
            var parts = new ManifestReader.Parts();
            var cursor = new JsonBytes(bytes, (int) comma + 1, bytes.length);
            ManifestReader.parseAfterCut(cursor, secondCheck, parts, new Canonicalizer());
            return parts;
        });
        Thread.ofPlatform().daemon().name("dbt-rescue-manifest-half").start(second);
        try {
            var first = new ManifestReader.Parts();
            boolean stopped = ManifestReader.parse(
                    new JsonBytes(bytes, 0, bytes.length), check, first, new Canonicalizer(), comma);
            if (!stopped) {
                return Optional.empty();
            }
            ManifestReader.Parts both = first.then(second.get());
            if (both.metadata == null) {
                return Optional.empty();
            }
            return Optional.of(both.toManifest(check, Optional.of(file)));
        } catch (JsonBytes.Malformed | IOException | ArtifactException | ExecutionException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            // when the first half failed, the second's work is lost: stop it so the fallback read has both cores
            second.cancel(true);
        }
    }

    /**
     * The position of a comma between two entries of {@code nodes} at or after {@code from}, within {@link #WINDOW}
     * bytes: a {@code '}'}, the comma, and a quote opening a node's unique id, with optional whitespace between.
     */
    static OptionalLong findCut(byte[] bytes, long from) {
        int start = (int) Math.max(0, from);
        int end = (int) Math.min(bytes.length, (long) start + WINDOW);
        for (int i = start; i < end; i++) {
            if (bytes[i] != '}') {
                continue;
            }
            int j = skipSpace(bytes, i + 1, end);
            if (j >= end || bytes[j] != ',') {
                continue;
            }
            int comma = j;
            j = skipSpace(bytes, j + 1, end);
            if (j >= end || bytes[j] != '"') {
                continue;
            }
            if (startsWithNodePrefix(bytes, j + 1, end)) {
                return OptionalLong.of(comma);
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
}
