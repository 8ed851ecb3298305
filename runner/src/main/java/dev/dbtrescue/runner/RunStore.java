// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where runs are kept in the user's data folder: journals ({@code runs/<run-id>.jsonl}), each batch's artifacts
 * ({@code runs/<run-id>/batch-N-attempt-A/}) and project locks ({@code locks/}).
 *
 * @param root the data folder
 */
public record RunStore(Path root) {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    public RunStore {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The user's dbt-rescue data folder: {@code $DBT_RESCUE_HOME} when set; else {@code %LOCALAPPDATA%\dbt-rescue}
     * on Windows, {@code ~/Library/Application Support/dbt-rescue} on macOS, {@code $XDG_DATA_HOME/dbt-rescue} or
     * {@code ~/.local/share/dbt-rescue} elsewhere.
     */
    public static RunStore userDefault() {
        String explicit = System.getenv("DBT_RESCUE_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return new RunStore(Path.of(explicit));
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return new RunStore(
                    local != null ? Path.of(local, "dbt-rescue") : home.resolve("AppData/Local/dbt-rescue"));
        }
        if (os.contains("mac")) {
            return new RunStore(home.resolve("Library/Application Support/dbt-rescue"));
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return new RunStore(
                xdg != null && !xdg.isBlank() ? Path.of(xdg, "dbt-rescue") : home.resolve(".local/share/dbt-rescue"));
    }

    /** A new run id: UTC time, the project name and a random suffix, safe as a file name. */
    public String newRunId(String project, Clock clock) {
        String safe = project.replaceAll("[^A-Za-z0-9_.-]", "_");
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return STAMP.format(clock.instant()) + "-" + safe + "-" + HexFormat.of().formatHex(random);
    }

    /** The journal of a run. */
    public Path journal(String runId) {
        return root.resolve("runs").resolve(runId + ".jsonl");
    }

    /**
     * The artifacts of the project as they were when the run started (the manifest a resume falls back to when dbt
     * was killed while rewriting the project's own).
     */
    public Path before(String runId) {
        return root.resolve("runs").resolve(runId).resolve("before");
    }

    /** The folder that keeps the artifacts of one batch attempt. */
    public Path attemptDir(String runId, int batch, int attempt) {
        return root.resolve("runs").resolve(runId).resolve("batch-" + batch + "-attempt-" + attempt);
    }

    /** The folder of project locks. */
    public Path locks() {
        return root.resolve("locks");
    }
}
