// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A config kept as bytes answers as the same config built as a tree. */
class NodeConfigTest {

    private static final String JSON = "{\"materialized\": \"incremental\", \"enabled\": false, \"full_refresh\": true,"
            + " \"tags\": [\"a\", 1, null], \"meta\": {\"owner\": \"me\"}, \"contract\": {\"enforced\": true}}";

    @Test
    void aConfigFromBytesAnswersAsItsTree() throws Exception {
        NodeConfig eager = new NodeConfig(new ObjectMapper().readTree(JSON));
        NodeConfig lazy = NodeConfig.ofJson(JSON.getBytes(StandardCharsets.UTF_8));

        assertEquals(Optional.of("incremental"), lazy.materialized());
        assertFalse(lazy.enabled());
        assertEquals(
                Optional.of(true),
                NodeConfig.ofJson(JSON.getBytes(StandardCharsets.UTF_8)).fullRefresh());
        assertEquals(
                List.of("a", "1"),
                NodeConfig.ofJson(JSON.getBytes(StandardCharsets.UTF_8)).strings("tags"));
        assertEquals(
                Optional.of("me"),
                NodeConfig.ofJson(JSON.getBytes(StandardCharsets.UTF_8)).text("meta.owner"));
        assertEquals(
                Optional.of(true),
                NodeConfig.ofJson(JSON.getBytes(StandardCharsets.UTF_8))
                        .get("contract.enforced")
                        .map(v -> v.asBoolean()));
        assertEquals(eager, lazy);
        assertEquals(lazy, eager);
        assertEquals(eager.hashCode(), lazy.hashCode());
        assertEquals(eager.toString(), lazy.toString());
    }

    @Test
    void theTreeIsBuiltOnceAndKept() {
        NodeConfig lazy = NodeConfig.ofJson(JSON.getBytes(StandardCharsets.UTF_8));

        assertSame(lazy.json(), lazy.json());
    }

    @Test
    void prepareBuildsTheTreeOfAConfigKeptAsBytesOnce() throws Exception {
        NodeConfig lazy = NodeConfig.ofJson(JSON.getBytes(StandardCharsets.UTF_8));

        assertTrue(lazy.prepare(), "built by the first call");
        assertFalse(lazy.prepare(), "kept");
        assertFalse(new NodeConfig(new ObjectMapper().readTree(JSON)).prepare(), "a tree needs no building");
        assertFalse(NodeConfig.EMPTY.prepare());
        assertEquals(Optional.of("incremental"), lazy.materialized());
    }
}
