// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.CodeLocation;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.internal.CodeReader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What dbt-rescue keeps of a {@code manifest.json}: every enabled resource as a {@link Node} (models, seeds,
 * snapshots, tests, analyses, hooks, sources, exposures, metrics, semantic models, saved queries, unit tests,
 * functions), disabled resources, macros, selectors and groups. SQL is loaded on demand through
 * {@link #rawCode(NodeId)} and {@link #compiledCode(NodeId)}.
 *
 * @param metadata the artifact metadata
 * @param nodes every enabled resource by unique_id, in artifact order
 * @param disabled disabled resources by unique_id (dbt allows several per id)
 * @param macros macros by unique_id
 * @param selectors the project's YAML selectors by name, as dbt normalised them (read-only trees)
 * @param groups groups by name
 * @param parentMap the artifact's {@code parent_map}, when present
 * @param file the file it was read from, when read from a file (needed to load SQL)
 */
public record Manifest(
        ArtifactMetadata metadata,
        Map<NodeId, Node> nodes,
        Map<NodeId, List<Node>> disabled,
        Map<String, Macro> macros,
        Map<String, JsonNode> selectors,
        Map<String, Group> groups,
        Optional<Map<NodeId, List<NodeId>>> parentMap,
        Optional<Path> file) {

    public Manifest {
        Objects.requireNonNull(metadata, "metadata");
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        disabled = Map.copyOf(disabled);
        macros = Map.copyOf(macros);
        selectors = Map.copyOf(selectors);
        groups = Map.copyOf(groups);
        parentMap = parentMap.map(Map::copyOf);
        Objects.requireNonNull(file, "file");
    }

    /**
     * This manifest with its resources listed in {@code order}, when that names exactly its resources; otherwise this
     * manifest. dbt writes resources in parse order, which changes between invocations (partial parsing), and graph
     * indices follow the listing order: reading a rewritten manifest in the order of the one read before keeps every
     * index a screen holds (selection, plan, drawing) valid. O(n).
     */
    public Manifest inOrderOf(List<NodeId> order) {
        if (order.size() != nodes.size()) {
            return this;
        }
        LinkedHashMap<NodeId, Node> reordered = LinkedHashMap.newLinkedHashMap(nodes.size());
        for (NodeId id : order) {
            Node node = nodes.get(id);
            if (node == null) {
                return this;
            }
            reordered.put(id, node);
        }
        return new Manifest(metadata, reordered, disabled, macros, selectors, groups, parentMap, file);
    }

    /** The root project's name, from the metadata or, failing that, the most common package of models. */
    public String projectName() {
        return metadata.projectName()
                .orElseGet(() -> nodes.values().stream()
                        .filter(n -> n.type() == dev.dbtrescue.graph.NodeType.MODEL)
                        .collect(java.util.stream.Collectors.groupingBy(
                                Node::packageName, java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                        .entrySet()
                        .stream()
                        .max(java.util.Map.Entry.comparingByValue())
                        .map(java.util.Map.Entry::getKey)
                        .orElse("unknown"));
    }

    /** The node with this id, if enabled in this manifest. */
    public Optional<Node> node(NodeId id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /**
     * Loads a node's source SQL ({@code raw_code}) from the artifact file. Reads one string from the file; the caller
     * should not do this on a UI thread for many nodes.
     *
     * @return the SQL, empty when the node has none, the manifest was not read from a file, or the file has changed
     */
    public Optional<String> rawCode(NodeId id) {
        return code(id, true);
    }

    /**
     * The node's whole JSON object as dbt wrote it in the manifest (every field, in dbt's order), read from the file.
     *
     * @return the object, empty when the node is unknown or the manifest was not read from a file
     */
    public Optional<JsonNode> nodeJson(NodeId id) {
        Node node = nodes.get(id);
        if (node == null || file.isEmpty() || node.code().nodeOffset() < 0) {
            return Optional.empty();
        }
        return CodeReader.treeAt(file.get(), node.code().nodeOffset()).filter(JsonNode::isObject);
    }

    /** As {@link #rawCode(NodeId)} for {@code compiled_code}, present only after dbt compiled the node. */
    public Optional<String> compiledCode(NodeId id) {
        return code(id, false);
    }

    private Optional<String> code(NodeId id, boolean raw) {
        Node node = nodes.get(id);
        if (node == null || file.isEmpty()) {
            return Optional.empty();
        }
        CodeLocation location = node.code();
        long offset = raw ? location.rawCodeOffset() : location.compiledCodeOffset();
        return offset < 0 ? Optional.empty() : CodeReader.stringAt(file.get(), offset);
    }
}
