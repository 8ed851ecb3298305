// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The projects opened lately, most recent first, at most {@link #MAX}, each project once (the same folder, files or
 * host and path with another state folder counts as the same project: the newest choice wins). Kept as JSON in the
 * settings folder.
 *
 * <p>Never fails its caller: a missing, corrupt or unwritable file is logged as a warning and treated as empty (or not
 * saved). Blocking file I/O, so call it off the FX thread. Thread-safe.
 */
public final class RecentProjects {

    /** How many projects are kept. */
    public static final int MAX = 10;

    private static final Logger LOG = System.getLogger(RecentProjects.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /** @param file the JSON file; it and its folder are created on the first {@link #add} */
    public RecentProjects(Path file) {
        this.file = file;
    }

    /** The recent projects of the settings folder of {@code folders}. */
    public static RecentProjects in(AppFolders folders) {
        return new RecentProjects(folders.settings().resolve("recent-projects.json"));
    }

    /** The file the list is kept in. */
    public Path file() {
        return file;
    }

    /** The recent projects, most recent first; empty when the file is missing or unreadable. */
    public synchronized List<ProjectSource> list() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode projects = root == null ? null : root.get("projects");
            if (projects == null || !projects.isArray()) {
                LOG.log(Level.WARNING, "Ignoring the recent projects in {0}: no \"projects\" list", file);
                return List.of();
            }
            List<ProjectSource> out = new ArrayList<>();
            for (JsonNode entry : projects) {
                fromJson(entry)
                        .filter(s -> out.stream().noneMatch(o -> o.key().equals(s.key())))
                        .ifPresent(out::add);
            }
            return List.copyOf(out.subList(0, Math.min(MAX, out.size())));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Ignoring the unreadable recent projects file " + file + ": " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Puts a project first, dropping an older entry of the same project and the oldest beyond {@link #MAX}. The demo is
     * not remembered: it is always offered anyway.
     *
     * @return the list after the change
     */
    public synchronized List<ProjectSource> add(ProjectSource source) {
        if (source instanceof ProjectSource.Demo) {
            return list();
        }
        List<ProjectSource> updated = new ArrayList<>();
        updated.add(source);
        list().stream().filter(s -> !s.key().equals(source.key())).forEach(updated::add);
        List<ProjectSource> kept = List.copyOf(updated.subList(0, Math.min(MAX, updated.size())));
        save(kept);
        return kept;
    }

    private void save(List<ProjectSource> projects) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode array = root.putArray("projects");
        projects.forEach(p -> array.add(toJson(p)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path part = file.resolveSibling(file.getFileName() + ".part");
            JSON.writerWithDefaultPrettyPrinter().writeValue(part.toFile(), root);
            try {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save the recent projects to " + file + ": " + e.getMessage());
        }
    }

    private static ObjectNode toJson(ProjectSource source) {
        ObjectNode node = JSON.createObjectNode();
        switch (source) {
            case ProjectSource.LocalFolder f -> {
                node.put("kind", "folder");
                node.put("folder", f.folder().toString());
            }
            case ProjectSource.ArtifactFiles f -> {
                node.put("kind", "files");
                node.put("manifest", f.manifest().toString());
                f.runResults().forEach(p -> node.withArray("runResults").add(p.toString()));
                f.sources().forEach(p -> node.withArray("sources").add(p.toString()));
            }
            case ProjectSource.Ssh s -> {
                node.put("kind", "ssh");
                node.put("host", s.host());
                node.put("remoteDir", s.remoteDir());
                s.identityFile().ifPresent(p -> node.put("identityFile", p.toString()));
            }
            case ProjectSource.Demo d -> node.put("kind", "demo");
        }
        source.state().ifPresent(p -> node.put("state", p.toString()));
        return node;
    }

    /** One entry; empty (with a warning) when it is not understood, so one bad entry does not lose the others. */
    private Optional<ProjectSource> fromJson(JsonNode node) {
        Optional<Path> state = path(node, "state");
        Optional<ProjectSource> source = switch (node.path("kind").asText("")) {
            case "folder" -> path(node, "folder").map(f -> new ProjectSource.LocalFolder(f, state));
            case "files" ->
                path(node, "manifest")
                        .map(m -> new ProjectSource.ArtifactFiles(
                                m, paths(node, "runResults"), paths(node, "sources"), state));
            case "ssh" ->
                node.hasNonNull("host") && node.hasNonNull("remoteDir")
                        ? Optional.of(new ProjectSource.Ssh(
                                node.get("host").asText(),
                                node.get("remoteDir").asText(),
                                path(node, "identityFile"),
                                state))
                        : Optional.empty();
            default -> Optional.empty();
        };
        if (source.isEmpty()) {
            LOG.log(Level.WARNING, "Ignoring an entry of {0} that is not understood: {1}", file, node);
        }
        return source;
    }

    private static Optional<Path> path(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? Optional.of(Path.of(value.asText()))
                : Optional.empty();
    }

    private static List<Path> paths(JsonNode node, String field) {
        List<Path> out = new ArrayList<>();
        node.path(field).forEach(v -> out.add(Path.of(v.asText())));
        return out;
    }
}
