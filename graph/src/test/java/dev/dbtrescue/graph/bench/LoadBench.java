// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.ManifestReader;
import dev.dbtrescue.graph.manifest.ProjectArtifacts;
import dev.dbtrescue.graph.status.FailureAnalysis;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark: load a large project's artifacts (manifest, run_results, sources) into the lineage graph with statuses
 * and failure analysis. Prints medians of several runs after warm-up, throughput and heap. Run with
 * {@code scripts/bench-load [PROJECT_DIR]}; the default project is the generated 15,000-model one.
 */
public final class LoadBench {

    private LoadBench() {}

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : defaultProject());
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path manifestFile = project.resolve("target/manifest.json");
        long bytes = Files.size(manifestFile)
                + sizeIfExists(project.resolve("target/run_results.json"))
                + sizeIfExists(project.resolve("target/sources.json"));
        System.out.printf(
                Locale.ROOT,
                "project %s%nartifacts %.1f MB (manifest %.1f MB), max heap %d MB%n",
                project,
                bytes / 1e6,
                Files.size(manifestFile) / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);

        List<Path> files = new ArrayList<>(List.of(manifestFile));
        for (String other : List.of("target/run_results.json", "target/sources.json")) {
            if (Files.exists(project.resolve(other))) {
                files.add(project.resolve(other));
            }
        }
        List<Double> baseline = new ArrayList<>();
        List<Double> databind = new ArrayList<>();
        List<Double> manifestOnly = new ArrayList<>();
        List<Double> streaming = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        List<Double> analysis = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            settle();
            long t0 = System.nanoTime();
            int manifestNodes = new ManifestReader().read(manifestFile).nodes().size(); // released before the load
            double manifestMs = (System.nanoTime() - t0) / 1e6;
            settle();
            long s0 = System.nanoTime();
            int streamedNodes =
                    new ManifestReader().readStreaming(manifestFile).nodes().size();
            double streamingMs = (System.nanoTime() - s0) / 1e6;
            if (streamedNodes != manifestNodes) {
                throw new IllegalStateException(
                        "the streaming read found " + streamedNodes + " nodes, not " + manifestNodes);
            }
            settle();
            long t1 = System.nanoTime();
            ProjectArtifacts artifacts = new ArtifactLoader().loadProject(project);
            LoadedProject loaded = LoadedProject.of(artifacts, Instant.now());
            long t2 = System.nanoTime();
            FailureAnalysis triage = new FailureAnalyzer().analyze(loaded.status());
            long t3 = System.nanoTime();
            loaded = null; // released so the baselines below start from the same heap
            artifacts = null;
            settle();
            long t4 = System.nanoTime();
            long tokens = tokenise(files);
            double tokeniseMs = (System.nanoTime() - t4) / 1e6;
            settle();
            long t5 = System.nanoTime();
            int slim = SlimDatabindManifest.read(manifestFile);
            long t6 = System.nanoTime();
            if (slim == 0) {
                throw new IllegalStateException("slim databind read nothing");
            }
            if (tokens == 0) {
                throw new IllegalStateException("no tokens");
            }
            if (i >= warmups) {
                baseline.add(tokeniseMs);
                databind.add((t6 - t5) / 1e6);
                manifestOnly.add(manifestMs);
                streaming.add(streamingMs);
                total.add((t2 - t1) / 1e6);
                analysis.add((t3 - t2) / 1e6);
            }
            if (manifestNodes == 0 || triage.failures().size() < 0) {
                throw new IllegalStateException("empty manifest");
            }
        }
        System.gc();
        long before = usedHeap();
        LoadedProject cold = LoadedProject.of(new ArtifactLoader().loadProject(project), Instant.now());
        long peak = usedHeap();
        System.gc();
        System.gc();
        long retained = usedHeap() - before;

        System.out.printf(
                Locale.ROOT,
                "resources %d, edges %d, depth %d, results %d%n",
                cold.graph().size(),
                cold.graph().edgeCount(),
                cold.graph().maxDepth(),
                cold.status().latestResults().size());
        System.out.printf(
                Locale.ROOT,
                "manifest read only     median %7.1f ms  (%.0f MB/s)%n",
                median(manifestOnly),
                Files.size(manifestFile) / 1e3 / median(manifestOnly));
        System.out.printf(
                Locale.ROOT,
                "baseline: the same manifest read with Jackson's streaming parser, one thread: median %7.1f ms;"
                        + " ratio in-memory read / streaming %.2f%n",
                median(streaming),
                median(manifestOnly) / median(streaming));
        System.out.printf(
                Locale.ROOT,
                "full load with status  median %7.1f ms  (%.0f MB/s over all artifacts)%n",
                median(total),
                bytes / 1e3 / median(total));
        System.out.printf(
                Locale.ROOT,
                "baseline: Jackson tokenising all artifacts, keeping nothing: median %7.1f ms (%.0f MB/s)%n",
                median(baseline),
                bytes / 1e3 / median(baseline));
        System.out.printf(Locale.ROOT, "ratio full load / baseline: %.2f%n", median(total) / median(baseline));
        System.out.printf(
                Locale.ROOT,
                "alternative: slim databind of the manifest (same graph fields, SQL and columns kept as parsed)"
                        + "  median %7.1f ms, ratio to our manifest read %.2f%n",
                median(databind),
                median(databind) / median(manifestOnly));
        System.out.printf(Locale.ROOT, "failure analysis       median %7.1f ms%n", median(analysis));
        System.out.printf(
                Locale.ROOT,
                "heap: used right after one load %d MB (no GC in between), retained by the loaded project %d MB%n",
                peak >> 20,
                retained >> 20);
        System.out.printf(Locale.ROOT, "runs: %s ms%n", total);
        if (cold.graph().size() == 0) {
            throw new IllegalStateException("unreachable");
        }
    }

    /** The floor: every token of every artifact, as plain Jackson streaming reads them, keeping nothing. */
    private static long tokenise(List<Path> files) throws java.io.IOException {
        long count = 0;
        com.fasterxml.jackson.core.JsonFactory factory = new com.fasterxml.jackson.core.JsonFactory();
        for (Path file : files) {
            try (var parser = factory.createParser(file.toFile())) {
                while (parser.nextToken() != null) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Each measured step starts from a collected heap, so that none pays for the garbage of the one before. */
    private static void settle() {
        System.gc();
        System.gc();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long sizeIfExists(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String defaultProject() {
        String cache = System.getenv()
                .getOrDefault("DBT_RESCUE_CACHE", System.getProperty("user.home") + "/.cache/dbt-rescue");
        return cache + "/large-project-N15000-s42";
    }
}
