// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
