// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The alternative the lineage-core issue asked to measure against streaming: slim databind into small records that
 * declare only the kept fields, unknown keys ignored. Used by {@link LoadBench} only.
 */
final class SlimDatabindManifest {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SlimDatabindManifest() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DependsOn(List<String> nodes, List<String> macros) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Node(
            @JsonProperty("unique_id") String uniqueId,
            @JsonProperty("resource_type") String resourceType,
            String name,
            @JsonProperty("package_name") String packageName,
            String path,
            @JsonProperty("original_file_path") String originalFilePath,
            List<String> fqn,
            List<String> tags,
            JsonNode config,
            @JsonProperty("unrendered_config") JsonNode unrenderedConfig,
            @JsonProperty("depends_on") DependsOn dependsOn,
            JsonNode checksum,
            Map<String, JsonNode> columns,
            JsonNode meta) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Manifest(
            JsonNode metadata,
            Map<String, Node> nodes,
            Map<String, Node> sources,
            Map<String, Node> exposures,
            @JsonProperty("unit_tests") Map<String, Node> unitTests) {}

    /** Reads the file; returns the number of resources, so the JIT cannot drop the work. */
    static int read(Path file) throws IOException {
        Manifest m = MAPPER.readValue(file.toFile(), Manifest.class);
        return size(m.nodes()) + size(m.sources()) + size(m.exposures()) + size(m.unitTests());
    }

    private static int size(Map<String, Node> map) {
        return map == null ? 0 : map.size();
    }
}
