// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dbt lists a project's resources in parse order, which differs between two invocations of the demo. */
class ManifestOrderTest {

    private static Manifest read(String fixture) throws Exception {
        return new ManifestReader().read(Fixtures.demo(fixture).resolve("manifest.json"));
    }

    private static List<NodeId> ids(Manifest manifest) {
        return LineageGraph.of(manifest.nodes().values()).nodes().stream()
                .map(Node::id)
                .toList();
    }

    @Test
    void aRewrittenManifestReadInTheEarlierOrderGivesTheSameGraphIndices() throws Exception {
        Manifest before = read("failed-build");
        Manifest after = read("rerun");
        assertNotEquals(ids(before), ids(after), "the two invocations list their resources differently");

        Manifest reordered = after.inOrderOf(ids(before));

        assertEquals(ids(before), ids(reordered));
        assertEquals(after.nodes(), reordered.nodes(), "the same resources, only listed in another order");
        assertEquals(after.metadata(), reordered.metadata());
    }

    @Test
    void anOrderThatDoesNotNameExactlyTheResourcesLeavesTheManifestAsItIs() throws Exception {
        Manifest after = read("rerun");
        List<NodeId> fewer = new ArrayList<>(ids(after));
        fewer.removeFirst();
        assertSame(after, after.inOrderOf(fewer));
        List<NodeId> other = new ArrayList<>(fewer);
        other.add(NodeId.of("model.elsewhere.not_here"));
        assertSame(after, after.inOrderOf(other));
    }
}
