// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few fields of a run_results.json the runner reconciles with: which invocation wrote it and each node's result.
 *
 * @param invocationId {@code metadata.invocation_id}
 * @param results the results, in file order
 */
public record RunResultsFile(String invocationId, List<Result> results) {

    /**
     * One result.
     *
     * @param uniqueId the node
     * @param status dbt's status
     * @param executionTime how long it ran
     * @param message dbt's message, empty when null
     */
    public record Result(String uniqueId, String status, Duration executionTime, String message) {}

    public RunResultsFile {
        results = List.copyOf(results);
    }

    /** Reads the file; empty if it is missing or not a readable run_results.json (a dbt killed mid-write). */
    public static Optional<RunResultsFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            String invocation = root.path("metadata").path("invocation_id").asText("");
            List<Result> results = new ArrayList<>();
            for (JsonNode r : root.path("results")) {
                String id = r.path("unique_id").asText("");
                if (!id.isEmpty()) {
                    results.add(new Result(
                            id,
                            r.path("status").asText(""),
                            Duration.ofNanos(Math.round(r.path("execution_time").asDouble(0) * 1e9)),
                            r.path("message").isTextual() ? r.path("message").asText() : ""));
                }
            }
            return Optional.of(new RunResultsFile(invocation, results));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
