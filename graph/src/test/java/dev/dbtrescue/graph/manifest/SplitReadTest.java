// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.internal.ArtifactFiles;
import dev.dbtrescue.graph.internal.Canonicalizer;
import dev.dbtrescue.graph.internal.JsonBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A manifest read from memory, whole or in two halves, is the manifest Jackson's streaming read gives; or the
 * in-memory read is refused and the caller reads with Jackson.
 */
class SplitReadTest {

    @TempDir
    Path tmp;

    private final Path demo = Fixtures.demo("failed-build").resolve("manifest.json");

    /** Every comma between two entries of the demo manifest's {@code nodes}. */
    private static List<Long> cuts(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Long> cuts = new ArrayList<>();
        OptionalLong cut = SplitRead.findCut(bytes, 0);
        while (cut.isPresent()) {
            cuts.add(cut.getAsLong());
            cut = SplitRead.findCut(bytes, cut.getAsLong() + 1);
        }
        return cuts;
    }

    private static Optional<Manifest> readAt(Path file, long cut) throws IOException {
        return SplitRead.readAt(file, Files.readAllBytes(file), cut);
    }

    private static OptionalLong findCut(Path file, long from) throws IOException {
        return SplitRead.findCut(Files.readAllBytes(file), from);
    }

    @Test
    void everyCutGivesTheManifestOfAWholeRead() throws Exception {
        Manifest whole = new ManifestReader().readStreaming(demo);
        List<Long> cuts = cuts(demo);
        assertTrue(cuts.size() > 20, "the demo has many nodes to cut between: " + cuts.size());

        for (long cut : cuts) {
            Optional<Manifest> split = readAt(demo, cut);

            assertTrue(split.isPresent(), "cut at " + cut);
            assertEquals(
                    List.copyOf(whole.nodes().keySet()),
                    List.copyOf(split.get().nodes().keySet()));
            assertEquals(whole.nodes(), split.get().nodes(), "nodes, code offsets included, cut at " + cut);
            assertEquals(whole.metadata(), split.get().metadata());
            assertEquals(whole.macros(), split.get().macros());
            assertEquals(whole.disabled(), split.get().disabled());
            assertEquals(whole.parentMap(), split.get().parentMap());
            assertEquals(whole.groups(), split.get().groups());
            assertEquals(whole.selectors(), split.get().selectors());
        }
    }

    /** Every manifest dbt wrote for the tests: the demo's scenarios, dbt 1.0 to 1.7, and the current version. */
    static Stream<Path> realManifests() {
        List<Path> files = new ArrayList<>();
        for (String scenario : List.of("clean-build", "failed-build", "rerun", "state")) {
            files.add(Fixtures.demo(scenario).resolve("manifest.json"));
        }
        Fixtures.legacyVersions().forEach(dir -> files.add(dir.resolve("manifest.json")));
        files.add(Fixtures.root().resolve("graph/src/test/resources/fixtures/legacy-current/manifest.json"));
        return files.stream().filter(Files::isRegularFile);
    }

    @ParameterizedTest
    @MethodSource("realManifests")
    void theInMemoryReadGivesWhatJacksonsStreamingReadGives(Path file) throws Exception {
        Manifest jackson = new ManifestReader().readStreaming(file);

        Manifest memory = SplitRead.readWhole(file, Files.readAllBytes(file)).orElseThrow();

        assertSameManifest(jackson, memory, file.toString());
    }

    @Test
    void oddButValidValuesReadAsJacksonReadsThem() throws Exception {
        // odd-node.json: escapes and non-ASCII text, numbers for versions, a string for tags, nulls, config values of
        // every JSON type, a repeated key, CRLF line ends; put before the demo's nodes, with a twin
        String node = Files.readString(
                Fixtures.root().resolve("graph/src/test/resources/fixtures/odd-node.json"), StandardCharsets.UTF_8);
        String twin = node.replace("caf\\u00e9_", "twin_");
        String unitTest =
                node.replace("caf\\u00e9_", "unit_").replace("\"model\", \"name\"", "\"unit_test\", \"name\"");
        String text = Files.readString(demo, StandardCharsets.UTF_8);
        String open = "\"nodes\": {";
        int nodes = text.indexOf(open) + open.length();
        String edited = text.substring(0, nodes) + "\"model.p.x\": " + node + ", \"model.p.y\": " + twin
                + ", \"unit_test.p.z\": " + unitTest + ", " + text.substring(nodes);
        Path file = tmp.resolve("manifest.json");
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        Manifest jackson = new ManifestReader().readStreaming(file);

        Manifest memory = SplitRead.readWhole(file, Files.readAllBytes(file)).orElseThrow();

        assertSameManifest(jackson, memory, "edited demo");
        Node odd = memory.nodes().get(new NodeId("model.p.café_\"q\""));
        assertTrue(odd != null, "the odd node is read");
        assertTrue(memory.nodes().containsKey(new NodeId("model.p.twin_\"q\"")), "its twin is read");
        Node unit = memory.nodes().get(new NodeId("model.p.unit_\"q\""));
        assertEquals(NodeType.UNIT_TEST, unit.type(), "a unit test, whose tags come from its config");
        assertEquals(List.of("solo"), odd.tags());
        assertEquals("12345678901", odd.config().text("n").orElseThrow());
        assertEquals("view", odd.unrenderedConfig().text("materialized").orElseThrow());
        assertEquals("line\none 😀 😀 中", odd.details().description().orElseThrow());
        assertEquals("select '\"'", memory.rawCode(odd.id()).orElseThrow());
    }

    @Test
    void whatTheInMemoryReadRefusesJacksonReadsAndWords() throws Exception {
        byte[] bytes = Files.readAllBytes(demo);
        String text = new String(bytes, StandardCharsets.UTF_8);
        Path bom = tmp.resolve("bom.json");
        byte[] withBom = new byte[bytes.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, withBom, 3, bytes.length);
        Files.write(bom, withBom);
        Path broken = tmp.resolve("broken.json");
        String columns = "\"columns\": {";
        int at = text.indexOf(columns) + columns.length();
        Files.writeString(
                broken, text.substring(0, at) + "\"x\": [1 2], " + text.substring(at), StandardCharsets.UTF_8);

        assertEquals(Optional.empty(), SplitRead.readWhole(bom, withBom), "a byte order mark is left to Jackson");
        assertEquals(
                List.copyOf(new ManifestReader().readStreaming(demo).nodes().keySet()),
                List.copyOf(new ManifestReader().read(bom).nodes().keySet()),
                "the file with a byte order mark is read (its offsets are three bytes later)");
        assertEquals(Optional.empty(), SplitRead.read(broken, 1), "bad JSON inside a value it passes over");
        ArtifactException e = assertThrows(ArtifactException.class, () -> new ManifestReader().read(broken));
        assertTrue(e.getMessage().contains("not valid JSON") && e.getMessage().contains("line"), e.getMessage());
    }

    private static void assertSameManifest(Manifest expected, Manifest actual, String what) {
        assertEquals(
                List.copyOf(expected.nodes().keySet()),
                List.copyOf(actual.nodes().keySet()),
                what);
        assertEquals(expected.nodes(), actual.nodes(), what + ": nodes, code offsets included");
        assertEquals(expected.metadata(), actual.metadata(), what);
        assertEquals(expected.macros(), actual.macros(), what);
        assertEquals(expected.disabled(), actual.disabled(), what);
        assertEquals(expected.parentMap(), actual.parentMap(), what);
        assertEquals(expected.groups(), actual.groups(), what);
        assertEquals(expected.selectors(), actual.selectors(), what);
    }

    @Test
    void sqlOfANodeInTheSecondHalfLoadsFromTheFile() throws Exception {
        List<Long> cuts = cuts(demo);
        Manifest split = readAt(demo, cuts.get(0)).orElseThrow();
        Manifest whole = new ManifestReader().readStreaming(demo);
        NodeId last = null;
        for (Node node : split.nodes().values()) {
            if (node.code().rawCodeOffset() > cuts.get(0) && node.code().compiledCodeOffset() > 0) {
                last = node.id();
            }
        }
        assertTrue(last != null, "a compiled node after the cut");

        assertEquals(whole.rawCode(last), split.rawCode(last));
        assertEquals(whole.compiledCode(last), split.compiledCode(last));
        assertFalse(split.rawCode(last).orElse("").isBlank());
    }

    @Test
    void aCutInsideANodeIsRefused() throws Exception {
        // a user's meta key that looks like a node entry: "}, "model." at a depth below nodes
        String text = Files.readString(demo, StandardCharsets.UTF_8);
        String marker = "\"meta\": {}";
        int at = text.indexOf(marker);
        assertTrue(at > 0, "the demo has an empty meta");
        String edited = text.substring(0, at)
                + "\"meta\": {\"a\": {}, \"model.trap.x\": {\"b\": 1}}"
                + text.substring(at + marker.length());
        Path file = tmp.resolve("manifest.json");
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        long trap = edited.indexOf("{}, \"model.trap.x\"") + 2;

        assertEquals(OptionalLong.of(trap), findCut(file, trap - 2));
        assertEquals(Optional.empty(), readAt(file, trap));
        assertEquals(
                new ManifestReader().readStreaming(file).nodes(),
                new ManifestReader().read(file).nodes());
    }

    @Test
    void theSecondHalfGivesUpWhenItsThreadIsInterrupted() throws Exception {
        // SplitRead interrupts the second half when the first fails, so that nothing reads on for a result unused
        byte[] bytes = Files.readAllBytes(demo);
        long cut = SplitRead.findCut(bytes, 0).orElseThrow();
        var parts = new ManifestReader.Parts();
        var cursor = new JsonBytes(bytes, (int) cut + 1, bytes.length);
        var check = new ArtifactFiles.MetadataCheck(demo.toString(), ArtifactKind.MANIFEST);

        Thread.currentThread().interrupt();
        try {
            assertThrows(
                    CancellationException.class,
                    () -> ManifestReader.parseAfterCut(cursor, check, parts, new Canonicalizer()));
            assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set");
        } finally {
            Thread.interrupted();
        }
        assertTrue(parts.nodes.isEmpty(), "no node was read after the interrupt");
        assertEquals(cut + 1, cursor.pos());
    }

    @Test
    void aTruncatedManifestIsNotSplitAndGetsTheWholeReadsMessage() throws Exception {
        byte[] bytes = Files.readAllBytes(demo);
        Path file = tmp.resolve("manifest.json");
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length * 3 / 4));
        long cut = findCut(file, 0).orElseThrow();

        assertEquals(Optional.empty(), readAt(file, cut));
        assertEquals(Optional.empty(), SplitRead.read(file, 1));
        ArtifactException e = assertThrows(ArtifactException.class, () -> new ManifestReader().read(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void whenNoNodeStartsWhereTheCutIsLookedForFirstTheMiddleIsTried() throws Exception {
        // the demo's nodes end before the middle: padding before them moves their end to about 54 % of the file
        String text = Files.readString(demo, StandardCharsets.UTF_8);
        String padded = "{\"padding\": \"" + "x".repeat(233_000) + "\", " + text.substring(text.indexOf('{') + 1);
        Path file = tmp.resolve("manifest.json");
        Files.writeString(file, padded, StandardCharsets.UTF_8);
        long size = Files.size(file);
        assertEquals(
                OptionalLong.empty(),
                findCut(file, size * SplitRead.FIRST_SHARE_PERCENT / 100),
                "no node starts after the first place looked at");
        assertTrue(findCut(file, size / 2).isPresent(), "a node starts after the middle");

        Optional<Manifest> split = SplitRead.read(file, 1);

        assertTrue(split.isPresent());
        assertEquals(
                new ManifestReader().readStreaming(file).nodes(), split.get().nodes());
    }

    @Test
    void aFileUnderTheThresholdIsReadFromMemoryInOnePiece() throws Exception {
        Manifest whole = new ManifestReader().readStreaming(demo);

        Optional<Manifest> read = SplitRead.read(demo, Files.size(demo) + 1);

        assertTrue(read.isPresent());
        assertSameManifest(whole, read.get(), "demo");
    }
}
