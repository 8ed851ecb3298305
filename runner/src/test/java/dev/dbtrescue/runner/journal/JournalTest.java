// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.runner.BatchOutcome;
import dev.dbtrescue.runner.EnvVar;
import dev.dbtrescue.runner.FailurePolicy;
import dev.dbtrescue.runner.RunOutcome;
import dev.dbtrescue.runner.RunnerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private JournalHeader header() {
        return new JournalHeader(
                "run-1",
                "/p",
                "local /p",
                "local:/p",
                Optional.empty(),
                Optional.empty(),
                Optional.of("/venv/bin/dbt"),
                FailurePolicy.CONTINUE,
                true,
                List.of(new EnvVar("DBT_TARGET", "prod", false), new EnvVar("DB_PASSWORD", "hunter22", true)),
                "{\"format_version\":1}");
    }

    @Test
    void journalReadsBackWhatWasWritten() throws Exception {
        Path file = dir.resolve("run.jsonl");
        try (RunJournal j = RunJournal.create(file, header(), CLOCK)) {
            j.batchStarted(1, 1, List.of("model.p.a", "model.p.b"), List.of("build", "--select", "a", "b"));
            j.process(1, 1, 4242);
            j.invocation(1, 1, "inv-1");
            j.nodeFinished(1, 1, "model.p.a", "success", Duration.ofMillis(1500), "OK", "log");
            j.nodeFinished(1, 1, "model.p.b", "error", Duration.ofMillis(200), "boom", "log");
            j.batchFinished(1, 1, BatchOutcome.FAILED, 1, Duration.ofSeconds(3));
            j.batchSkipped(2, List.of("model.p.c"), "depends on b");
            j.runFinished(RunOutcome.FAILED, Duration.ofSeconds(4));
        }
        Journal read = Journal.read(file);
        assertEquals(header(), withSecretValueDropped(read.header()));
        assertEquals(
                List.of(new Journal.Attempt(
                        1,
                        1,
                        List.of("model.p.a", "model.p.b"),
                        List.of("build", "--select", "a", "b"),
                        OptionalLong.of(4242),
                        Optional.of("inv-1"),
                        Optional.of(BatchOutcome.FAILED),
                        1,
                        Optional.of(CLOCK.instant()),
                        Optional.of(Duration.ofSeconds(3)))),
                read.attempts());
        assertEquals(Map.of("model.p.a", "success", "model.p.b", "error"), read.lastStatuses());
        assertEquals(List.of(new Journal.Skip(2, List.of("model.p.c"), "depends on b")), read.skipped());
        assertTrue(read.finished());
        assertEquals(Optional.of(RunOutcome.FAILED), read.outcome());
        assertEquals(List.of(), read.unfinished());
    }

    @Test
    void theOutcomeIsTheLastSessionsAndEmptyWhileAResumeHasNotEnded() throws Exception {
        Path file = dir.resolve("run.jsonl");
        try (RunJournal j = RunJournal.create(file, header(), CLOCK)) {
            j.runFinished(RunOutcome.CONNECTION_LOST, Duration.ofSeconds(2));
        }
        assertEquals(Optional.of(RunOutcome.CONNECTION_LOST), Journal.read(file).outcome());
        try (RunJournal j = RunJournal.append(file, CLOCK)) {
            j.sessionStarted("resume");
        }
        Journal resumed = Journal.read(file);
        assertFalse(resumed.finished());
        assertEquals(Optional.empty(), resumed.outcome());
    }

    private JournalHeader withSecretValueDropped(JournalHeader h) {
        return new JournalHeader(
                h.runId(),
                h.project(),
                h.executor(),
                h.location(),
                h.host(),
                h.remoteDir(),
                h.dbtExecutable(),
                h.policy(),
                h.retry(),
                h.env().stream()
                        .map(v -> v.secret() ? new EnvVar(v.name(), "hunter22", true) : v)
                        .toList(),
                h.planJson());
    }

    @Test
    void secretValuesNeverReachTheJournal() throws Exception {
        Path file = dir.resolve("run.jsonl");
        RunJournal.create(file, header(), CLOCK).close();
        String text = Files.readString(file);
        assertTrue(!text.contains("hunter22"), text);
        assertEquals(List.of("DB_PASSWORD"), Journal.read(file).header().secretNames());
    }

    @Test
    void aLastLineCutShortByACrashIsIgnoredAndCutBeforeAppending() throws Exception {
        Path file = dir.resolve("run.jsonl");
        try (RunJournal j = RunJournal.create(file, header(), CLOCK)) {
            j.batchStarted(1, 1, List.of("model.p.a"), List.of("run"));
        }
        Files.writeString(file, "{\"type\":\"node-fini", StandardOpenOption.APPEND);
        Journal read = Journal.read(file);
        assertEquals(1, read.unfinished().size());
        try (RunJournal j = RunJournal.append(file, CLOCK)) {
            j.sessionStarted("resume");
        }
        assertTrue(Files.readString(file).endsWith("\"reason\":\"resume\"}\n"));
        assertEquals(1, Journal.read(file).attempts().size());
    }

    @Test
    void aCompleteLastRecordWithoutItsNewlineIsKeptWhenAppending() throws Exception {
        Path file = dir.resolve("run.jsonl");
        try (RunJournal j = RunJournal.create(file, header(), CLOCK)) {
            j.batchStarted(1, 1, List.of("model.p.a"), List.of("run"));
        }
        Files.writeString(
                file,
                "{\"type\":\"node-finished\",\"batch\":1,\"attempt\":1,\"unique_id\":\"model.p.a\","
                        + "\"status\":\"success\",\"execution_time\":1.0}",
                StandardOpenOption.APPEND);
        assertEquals(Map.of("model.p.a", "success"), Journal.read(file).lastStatuses());
        try (RunJournal j = RunJournal.append(file, CLOCK)) {
            j.sessionStarted("resume");
        }
        assertEquals(Map.of("model.p.a", "success"), Journal.read(file).lastStatuses());
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedWithItsLine() throws Exception {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, "{\"metadata\": {}}\n");
        RunnerException e = assertThrows(RunnerException.class, () -> Journal.read(file));
        assertEquals(RunnerException.Kind.JOURNAL, e.kind());
        assertEquals(
                file + ", line 1 is not a run-started record: this is not a dbt-rescue run journal", e.getMessage());
    }

    @Test
    void aJournalOfAnotherVersionIsRefused() throws Exception {
        Path file = dir.resolve("run.jsonl");
        Files.writeString(file, "{\"type\":\"run-started\",\"journal_version\":9}\n");
        RunnerException e = assertThrows(RunnerException.class, () -> Journal.read(file));
        assertEquals(file + ", line 1 has journal_version 9; this dbt-rescue reads version 1", e.getMessage());
    }

    @Test
    void aMissingJournalSaysWhereJournalsLive() {
        RunnerException e = assertThrows(RunnerException.class, () -> Journal.read(dir.resolve("nope.jsonl")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
