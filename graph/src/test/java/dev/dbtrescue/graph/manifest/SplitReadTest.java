// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest read in two halves is the manifest read from start to end, or the split is refused. */
class SplitReadTest {

    @TempDir
    Path tmp;

    private final Path demo = Fixtures.demo("failed-build").resolve("manifest.json");

    /** Every comma between two entries of the demo manifest's {@code nodes}. */
    private static List<Long> cuts(Path file) throws IOException {
        long size = Files.size(file);
        List<Long> cuts = new ArrayList<>();
        OptionalLong cut = SplitRead.findCut(file, 0, size);
        while (cut.isPresent()) {
            cuts.add(cut.getAsLong());
            cut = SplitRead.findCut(file, cut.getAsLong() + 1, size);
        }
        return cuts;
    }

    @Test
    void everyCutGivesTheManifestOfAWholeRead() throws Exception {
        Manifest whole = new ManifestReader().readWhole(demo);
        List<Long> cuts = cuts(demo);
        assertTrue(cuts.size() > 20, "the demo has many nodes to cut between: " + cuts.size());

        for (long cut : cuts) {
            Optional<Manifest> split = SplitRead.readAt(demo, cut);

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

    @Test
    void sqlOfANodeInTheSecondHalfLoadsFromTheFile() throws Exception {
        List<Long> cuts = cuts(demo);
        Manifest split = SplitRead.readAt(demo, cuts.get(0)).orElseThrow();
        Manifest whole = new ManifestReader().readWhole(demo);
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

        assertEquals(OptionalLong.of(trap), SplitRead.findCut(file, trap - 2, Files.size(file)));
        assertEquals(Optional.empty(), SplitRead.readAt(file, trap));
        assertEquals(
                new ManifestReader().readWhole(file).nodes(),
                new ManifestReader().read(file).nodes());
    }

    @Test
    void aTruncatedManifestIsNotSplitAndGetsTheWholeReadsMessage() throws Exception {
        byte[] bytes = Files.readAllBytes(demo);
        Path file = tmp.resolve("manifest.json");
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length * 3 / 4));
        long cut = SplitRead.findCut(file, 0, Files.size(file)).orElseThrow();

        assertEquals(Optional.empty(), SplitRead.readAt(file, cut));
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
                SplitRead.findCut(file, size * SplitRead.FIRST_SHARE_PERCENT / 100, size),
                "no node starts after the first place looked at");
        assertTrue(SplitRead.findCut(file, size / 2, size).isPresent(), "a node starts after the middle");

        Optional<Manifest> split = SplitRead.read(file, 1);

        assertTrue(split.isPresent());
        assertEquals(new ManifestReader().readWhole(file).nodes(), split.get().nodes());
    }

    @Test
    void smallFilesAreReadWhole() throws Exception {
        assertEquals(Optional.empty(), SplitRead.read(demo, Files.size(demo) + 1));
    }
}
