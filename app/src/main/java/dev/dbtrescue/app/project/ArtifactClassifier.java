// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import dev.dbtrescue.graph.manifest.ArtifactKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells dbt artifacts apart for "open files" and drag and drop: by file name ({@code manifest.json},
 * {@code run_results*.json}, {@code sources*.json}), else by the {@code dbt_schema_version} near the start of a JSON
 * file (dbt writes metadata first, so reading a few kilobytes is enough). Blocking file I/O; call it off the FX thread.
 */
public final class ArtifactClassifier {

    /** How much of a JSON file is read to find its {@code dbt_schema_version}. */
    private static final int SNIFF_BYTES = 8192;

    /** The {@code dbt_schema_version} field of an artifact's metadata. */
    private static final Pattern SCHEMA_VERSION = Pattern.compile("\"dbt_schema_version\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * What to open for dropped or typed paths: one folder is a project folder (or, when it holds manifest.json itself,
     * a copied {@code target/} whose files are opened); files are artifact files.
     *
     * @throws ProjectLoadException with what is wrong for nothing, several folders, folders mixed with files, missing
     *     paths, or files that are not dbt artifacts
     */
    public ProjectSource sourceOf(List<Path> paths, Optional<Path> state) throws ProjectLoadException {
        if (paths.isEmpty()) {
            throw new ProjectLoadException("Nothing to open: choose a dbt project folder or its artifact files");
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new ProjectLoadException(
                        path + ": does not exist. Check the path, or choose the folder or files again");
            }
        }
        List<Path> folders = paths.stream().filter(Files::isDirectory).toList();
        if (folders.isEmpty()) {
            return classify(paths, state);
        }
        if (paths.size() > 1) {
            throw new ProjectLoadException("Open one dbt project folder, or artifact files, not " + paths.size()
                    + " items with a folder among them (" + folders.get(0) + ")");
        }
        Path folder = folders.get(0);
        if (!Files.isDirectory(folder.resolve("target")) && Files.exists(folder.resolve("manifest.json"))) {
            List<Path> files = new ArrayList<>();
            for (String name : List.of("manifest.json", "run_results.json", "sources.json")) {
                if (Files.exists(folder.resolve(name))) {
                    files.add(folder.resolve(name));
                }
            }
            return classify(files, state);
        }
        return new ProjectSource.LocalFolder(folder, state);
    }

    /**
     * Sorts artifact files into one manifest, run results and sources.
     *
     * @throws ProjectLoadException naming the file, for a file that is not a dbt artifact, none or several manifests
     */
    public ProjectSource.ArtifactFiles classify(List<Path> files, Optional<Path> state) throws ProjectLoadException {
        List<Path> manifests = new ArrayList<>();
        List<Path> runResults = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (Path file : files) {
            switch (kindOf(file)) {
                case MANIFEST -> manifests.add(file);
                case RUN_RESULTS -> runResults.add(file);
                case SOURCES -> sources.add(file);
                case CATALOG ->
                    throw new ProjectLoadException(file + ": is catalog.json from `"
                            + ArtifactKind.CATALOG.producedBy() + "`, which holds warehouse column types, not run"
                            + " results. Open manifest.json, run_results.json and sources.json instead");
            }
        }
        if (manifests.isEmpty()) {
            throw new ProjectLoadException("No manifest.json among the files: dbt-rescue needs the project's"
                    + " manifest.json (in target/) together with run_results.json. Add it to the files you open");
        }
        if (manifests.size() > 1) {
            throw new ProjectLoadException("Several manifests among the files (" + manifests.get(0) + ", "
                    + manifests.get(1) + "): open the files of one project, with one manifest.json");
        }
        return new ProjectSource.ArtifactFiles(manifests.get(0), runResults, sources, state);
    }

    /** What a file is, by name, else by the {@code dbt_schema_version} in its first bytes. */
    ArtifactKind kindOf(Path file) throws ProjectLoadException {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            if (name.equals(ArtifactKind.MANIFEST.fileName())) {
                return ArtifactKind.MANIFEST;
            }
            if (name.startsWith("run_results")) {
                return ArtifactKind.RUN_RESULTS;
            }
            if (name.startsWith("sources")) {
                return ArtifactKind.SOURCES;
            }
            Optional<ArtifactKind> sniffed = sniff(file);
            if (sniffed.isPresent()) {
                return sniffed.get();
            }
        }
        throw new ProjectLoadException(file + ": is not a dbt artifact dbt-rescue reads. Open manifest.json,"
                + " run_results.json and sources.json from the project's target/ folder (or the project folder)");
    }

    private static Optional<ArtifactKind> sniff(Path file) throws ProjectLoadException {
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProjectLoadException(file + ": could not be read (" + e.getMessage() + "). Check the file", e);
        }
        Matcher version = SCHEMA_VERSION.matcher(head);
        return version.find() ? ArtifactKind.fromSchemaUrl(version.group(1)) : Optional.empty();
    }
}
