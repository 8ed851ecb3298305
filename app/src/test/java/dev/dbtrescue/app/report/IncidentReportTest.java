// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.runner.BatchOutcome;
import dev.dbtrescue.runner.RunOutcome;
import dev.dbtrescue.runner.RunStore;
import dev.dbtrescue.runner.journal.Journal;
import dev.dbtrescue.runner.journal.RunJournal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentReportTest {

    @Test
    void theFailedRunIsTheNewestRunHoldingAFailureNotTheNewestRun() throws Exception {
        Path failed = Fixtures.demo("failed-build");
        Path rerun = Fixtures.demo("rerun"); // later; rebuilt the failed model but not the failing test
        var artifacts = new ArtifactLoader()
                .load(
                        failed.resolve("manifest.json"),
                        List.of(failed.resolve("run_results.json"), rerun.resolve("run_results.json")),
                        List.of());
        LoadedProject project = LoadedProject.of(artifacts, Instant.parse("2026-11-21T20:00:00Z"));
        var analysis = new FailureAnalyzer().analyze(project.status());
        assertTrue(!analysis.failures().isEmpty(), "the failing test still fails after the rerun");

        String md = IncidentReport.of(project, analysis, List.of(), "x", Instant.parse("2026-11-21T20:00:00Z"))
                .markdown(Optional.empty());

        assertTrue(md.contains("| Failed run | 2026-11-21 18:18:43 UTC |"), md);
    }

    @Test
    void afterARepairMergedInTheReportStillTellsTheIncidentAndWhatTheRerunFixed(@TempDir Path tmp) throws Exception {
        Path failed = Fixtures.demo("failed-build");
        Path rerun = Fixtures.demo("rerun");
        var artifacts = new ArtifactLoader()
                .load(
                        failed.resolve("manifest.json"),
                        List.of(failed.resolve("run_results.json"), rerun.resolve("run_results.json")),
                        List.of());
        Instant now = Instant.parse("2026-11-21T20:00:00Z");
        LoadedProject merged = LoadedProject.of(artifacts, now);
        var analysis = new FailureAnalyzer().analyze(merged.status());
        String converted = TestSessions.FAILED_MODEL.value();
        assertTrue(
                analysis.failures().stream().noneMatch(f -> f.node().value().equals(converted)),
                "merged, the model is repaired");
        // the window's recovery run: its journal recorded the invocation whose results were merged
        ProjectSession session = TestSessions.failedBuild();
        RunStore store = new RunStore(tmp);
        Path file = TestSessions.interruptedRun(store, tmp.resolve("shop"), TestSessions.failedPlan(session), "r1");
        try (RunJournal journal = RunJournal.append(file, Clock.systemUTC())) {
            journal.batchStarted(1, 1, List.of(converted), List.of("build", "--select", "int_payments_converted+"));
            journal.invocation(1, 1, artifacts.runResults().get(1).invocationId());
            journal.nodeFinished(1, 1, converted, "success", Duration.ofSeconds(1), "OK", "log");
            journal.batchFinished(1, 1, BatchOutcome.SUCCEEDED, 0, Duration.ofSeconds(9));
            journal.runFinished(RunOutcome.SUCCEEDED, Duration.ofSeconds(10));
        }

        String md = IncidentReport.of(merged, analysis, List.of(Journal.read(file)), "x", now)
                .markdown(Optional.empty());
        String withoutJournal =
                IncidentReport.of(merged, analysis, List.of(), "x", now).markdown(Optional.empty());

        String failedNodes = section(md, "## Failed nodes");
        assertTrue(failedNodes.contains(converted), md);
        assertTrue(!section(withoutJournal, "## Failed nodes").contains(converted), withoutJournal);
        String remaining = section(md, "## Remaining failures");
        assertTrue(!remaining.contains(converted), remaining);
        assertTrue(
                remaining.contains("not_null") || remaining.contains("test."),
                "the failed test was not rerun: " + remaining);
        assertTrue(section(md, "## Recovery commands").contains("dbt build --select int_payments_converted+"), md);
    }

    /** The text of a section, up to the next heading of the same level. */
    private static String section(String md, String heading) {
        int start = md.indexOf(heading);
        assertTrue(start >= 0, heading + " in " + md);
        int end = md.indexOf("\n## ", start + heading.length());
        return md.substring(start, end < 0 ? md.length() : end);
    }

    @Test
    void markdownCellsStayOneCellAndNamesReadAsWritten() {
        var report = new IncidentReport(List.of(
                new IncidentReport.Heading(1, "Incident report: rescue_shop"),
                new IncidentReport.Table(
                        List.of("Node", "Message"),
                        List.of(List.of("model.p.a`b", "x | y\nsecond line *bold* _emph_ int_payments <b>")),
                        Set.of(0))));

        String md = report.markdown(Optional.empty());

        assertTrue(md.startsWith("# Incident report: rescue_shop\n"), md);
        String row = md.lines().filter(l -> l.startsWith("| ``")).findFirst().orElseThrow(() -> new AssertionError(md));
        assertEquals("| `` model.p.a`b `` | x \\| y second line \\*bold\\* \\_emph\\_ int_payments &lt;b> |", row);
    }
}
