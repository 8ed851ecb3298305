// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.plan.ExactSelectors;
import dev.dbtrescue.graph.plan.RescuePresets;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.status.Failure;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.graph.status.NodeState;
import dev.dbtrescue.runner.BatchOutcome;
import dev.dbtrescue.runner.FailurePolicy;
import dev.dbtrescue.runner.RunOutcome;
import dev.dbtrescue.runner.journal.JournalHeader;
import dev.dbtrescue.runner.journal.RunJournal;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code report} command on the demo's committed failed build, checked against the engine's own analysis. */
class ReportCommandTest {

    private static final String FAILED_MODEL = "model.rescue_shop.int_payments_converted";

    @TempDir
    Path dir;

    private Path project;
    private LoadedProject loaded;

    @BeforeEach
    void copyDemo() throws Exception {
        project = DemoIncident.copyTo(dir);
        loaded = LoadedProject.of(new ArtifactLoader().loadProject(project), Instant.parse(DemoIncident.NOW));
    }

    private CliRun run(String... args) {
        return DemoIncident.report(project, args);
    }

    /** The failed preset's nodes as the picture must show them: tests only when they did not pass. */
    private Set<String> expectedPictureNodes() throws Exception {
        var presets = new RescuePresets(loaded, ExactSelectors.of(loaded.graph()), SelectionState.NONE);
        Set<String> out = new HashSet<>();
        for (NodeId id : presets.failed().nodes()) {
            NodeType type = loaded.graph().requireNode(id).type();
            NodeState state = loaded.status().stateOf(id);
            boolean test = type == NodeType.TEST || type == NodeType.UNIT_TEST;
            if (!test || state == NodeState.FAIL || state == NodeState.ERROR || state == NodeState.WARN) {
                out.add(id.value());
            }
        }
        return out;
    }

    private static SvgStructure svg(Path file) throws Exception {
        return SvgStructure.of(Files.readString(file));
    }

    @Test
    void theSvgShowsTheFailedPresetColouredByStatusWithTitleAndLegend() throws Exception {
        Path svg = dir.resolve("out/lineage.svg");
        CliRun r = run("--svg", svg.toString());
        assertEquals(0, r.exit(), r.err());

        SvgStructure drawing = svg(svg);
        Map<String, String> statuses = drawing.statuses();
        assertEquals(expectedPictureNodes(), statuses.keySet());
        statuses.forEach((id, status) -> assertEquals(
                NodeStatus.of(loaded.status().stateOf(new NodeId(id))).name().toLowerCase(), status, id));
        assertEquals("error", statuses.get(FAILED_MODEL));

        String text = String.join("\n", drawing.header());
        assertEquals("Incident lineage: rescue_shop", drawing.title());
        assertTrue(text.contains("Incident lineage: rescue_shop"), text);
        String invocation = loaded.artifacts().runResults().get(0).invocationId();
        assertTrue(text.contains(invocation), "the header names the invocation");
        assertTrue(text.contains("2026-11-21 18:18 UTC"), "the header gives the run's time: " + text);
        Set<String> legend = Set.copyOf(drawing.legend());
        Set<String> drawn = statuses.values().stream()
                .map(s -> NodeStatus.valueOf(s.toUpperCase()).label())
                .collect(Collectors.toSet());
        assertEquals(drawn, legend, "the legend lists exactly the statuses drawn");
        assertTrue(drawing.edges() > 0, "edges are drawn");
    }

    @Test
    void aSelectorNarrowsThePicture() throws Exception {
        Path svg = dir.resolve("narrow.svg");
        CliRun r =
                run("--select", "int_payments_converted+1", "--exclude", "resource_type:test", "--svg", svg.toString());
        assertEquals(0, r.exit(), r.err());
        Set<String> expected = new HashSet<>(Set.of(FAILED_MODEL));
        loaded.graph().childrenOf(new NodeId(FAILED_MODEL)).stream()
                .filter(c -> loaded.graph().requireNode(c).type() != NodeType.TEST)
                .forEach(c -> expected.add(c.value()));
        assertEquals(expected, svg(svg).statuses().keySet());
    }

    @Test
    void anExclusionNarrowsTheFailedPreset() throws Exception {
        Path svg = dir.resolve("no-exposures.svg");
        CliRun r = run("--exclude", "resource_type:exposure", "--svg", svg.toString());
        assertEquals(0, r.exit(), r.err());
        Set<String> expected = new HashSet<>(expectedPictureNodes());
        expected.removeIf(id -> id.startsWith("exposure."));
        assertTrue(expected.size() < expectedPictureNodes().size(), "the preset reaches exposures");
        assertEquals(expected, svg(svg).statuses().keySet());
    }

    @Test
    void theMarkdownReportIsFilledFromTheArtifacts() throws Exception {
        Path md = dir.resolve("out/report.md");
        Path svg = dir.resolve("out/pictures/lineage.svg");
        CliRun r = run("--markdown", md.toString(), "--svg", svg.toString());
        assertEquals(0, r.exit(), r.err());
        String text = Files.readString(md);

        List<String> headings = text.lines().filter(l -> l.startsWith("#")).toList();
        assertEquals(
                List.of(
                        "# Incident report: rescue_shop",
                        "## Failed nodes",
                        "## Stale sources",
                        "## Recovery commands",
                        "## Remaining failures",
                        "## Lineage"),
                headings);
        var analysis = new FailureAnalyzer().analyze(loaded.status());
        for (Failure f : analysis.failures()) {
            String row = text.lines()
                    .filter(l -> l.startsWith("| `" + f.node().value() + "`"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + f.node()));
            assertTrue(row.contains("| " + f.errorClass().label() + " |"), row);
            assertTrue(row.contains("| " + f.blastRadius().total() + " |"), row);
            assertTrue(row.contains(f.outcome()), row);
        }
        String model = text.lines()
                .filter(l -> l.startsWith("| `" + FAILED_MODEL + "`"))
                .findFirst()
                .orElseThrow();
        assertTrue(model.contains("| model / view |"), "materialization: " + model);
        assertTrue(model.contains("Binder Error"), "first error line: " + model);
        assertTrue(text.contains("| Report made | 2026-11-21 20:00:00 UTC |"), text);
        assertTrue(text.contains("No dbt-rescue run is recorded for this incident yet."), text);
        assertTrue(text.contains("](pictures/lineage.svg)"), "the picture is linked relative to the report");
        assertTrue(Files.exists(svg));
    }

    @Test
    void journalsFillTheRecoveryAndTheRemainingFailures() throws Exception {
        Path journal = dir.resolve("run.jsonl");
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T19:00:00Z"), ZoneOffset.UTC);
        var header = new JournalHeader(
                "20261121-190000-rescue_shop-abcdef",
                project.toString(),
                "local " + project,
                "local:" + project,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                FailurePolicy.CONTINUE,
                false,
                List.of(),
                "{}");
        try (RunJournal j = RunJournal.create(journal, header, clock)) {
            j.batchStarted(1, 1, List.of(FAILED_MODEL), List.of("build", "--select", "int_payments_converted+"));
            j.invocation(1, 1, "inv-rerun");
            j.nodeFinished(1, 1, FAILED_MODEL, "success", Duration.ofMillis(800), "OK", "log");
            j.batchFinished(1, 1, BatchOutcome.SUCCEEDED, 0, Duration.ofSeconds(95));
            j.runFinished(RunOutcome.SUCCEEDED, Duration.ofSeconds(96));
        }
        Path md = dir.resolve("report.md");
        CliRun r = run("--journal", journal.toString(), "--markdown", md.toString());
        assertEquals(0, r.exit(), r.err());
        String text = Files.readString(md);

        String command = text.lines()
                .filter(l -> l.contains("`dbt build --select int_payments_converted+`"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(text));
        assertTrue(command.contains("| succeeded | 0 | 2026-11-21 19:00:00 UTC | 1m 35s |"), command);
        String remaining = text.substring(text.indexOf("## Remaining failures"), text.indexOf("## Lineage"));
        assertFalse(remaining.contains(FAILED_MODEL), "the model passed on rerun: " + remaining);
        assertTrue(remaining.contains("source.rescue_shop.web.web_events"), remaining);
        assertTrue(text.contains("partly resolved: rerun with dbt-rescue (1 dbt commands), 2 still failing"), text);
    }

    @Test
    void theHtmlReportIsOneFileWithThePictureInline() throws Exception {
        Path html = dir.resolve("report.html");
        CliRun r = run("--html", html.toString());
        assertEquals(0, r.exit(), r.err());
        String text = Files.readString(html);
        assertTrue(text.startsWith("<!DOCTYPE html>"));
        assertEquals(1, text.split("<svg", -1).length - 1, "one inline picture");
        assertFalse(text.contains("<?xml"), "the XML prolog is not repeated inside HTML");
        assertFalse(text.contains("src=\"http") || text.contains("href=\"http"), "nothing is fetched");
        assertTrue(text.contains("<td><code>" + FAILED_MODEL + "</code></td>"), "failed model row");
    }

    @Test
    void thePngHasTheRequestedScaleAndTheStatusColours() throws Exception {
        Path png = dir.resolve("lineage.png");
        Path svg = dir.resolve("lineage.svg");
        CliRun r = run("--png", png.toString(), "--png-scale", "1.5", "--svg", svg.toString());
        assertEquals(0, r.exit(), r.err());
        BufferedImage image = ImageIO.read(png.toFile());
        SvgStructure drawing = svg(svg);
        assertEquals(Math.ceil(Double.parseDouble(drawing.width()) * 1.5), image.getWidth(), 0.001);
        assertEquals(Math.ceil(Double.parseDouble(drawing.height()) * 1.5), image.getHeight(), 0.001);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertTrue(colours.contains(NodeStatus.ERROR.argb() & 0xFFFFFF), "the failed model is drawn in its colour");
        assertTrue(colours.contains(NodeStatus.SKIPPED.argb() & 0xFFFFFF), "skipped nodes are drawn in theirs");
    }

    @Test
    void withoutAnOutputTheMarkdownGoesToStandardOutput() {
        CliRun r = run();
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("# Incident report: rescue_shop"), r.out());
        assertTrue(r.out().contains("(no picture exported: add --svg or --png)"));
    }

    @Test
    void badInputsAreNamedNotThrown() throws Exception {
        CliRun typo =
                run("--select", "tga:finance+", "--svg", dir.resolve("x.svg").toString());
        assertEquals(2, typo.exit());
        assertTrue(typo.err().startsWith("dbt-rescue: "), typo.err());
        assertTrue(typo.err().contains("tga"), "names the typo: " + typo.err());
        assertFalse(typo.err().contains("Exception"), typo.err());

        CliRun scale = run("--png", dir.resolve("x.png").toString(), "--png-scale", "0");
        assertEquals(2, scale.exit());
        assertTrue(scale.err().contains("--png-scale must be more than 0"), scale.err());

        Files.writeString(dir.resolve("bad.jsonl"), "not json\n");
        CliRun journal = run("--journal", dir.resolve("bad.jsonl").toString());
        assertEquals(2, journal.exit());
        assertTrue(journal.err().contains("bad.jsonl"), journal.err());
    }
}
