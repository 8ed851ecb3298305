// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structure of the demo incident's exports (what is drawn and which sections, tables and failed rows are written),
 * held to snapshot files under {@code app/src/test/resources/snapshots/report/}. Coordinates, colours and styling are
 * left out; ids, times and durations are normalized. Rewrite the snapshots with {@code -Dsnapshots.update=true}.
 */
class ReportSnapshotTest {

    private static final Pattern HEAD_TITLE = Pattern.compile("<head>.*?<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern INLINE_SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);
    private static final Pattern HTML_PART = Pattern.compile(
            "<(h\\d)>(.*?)</\\1>|<table>|<tr>(.*?)</tr>|<p>(.*?)</p>|<figcaption>(.*?)</figcaption>|<svg\\b",
            Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t([hd])>(.*?)</t[hd]>", Pattern.DOTALL);

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copyDemo() throws Exception {
        project = DemoIncident.copyTo(dir);
    }

    @Test
    void theSvgDrawsTheSameNodesStatusesHeaderAndLegend() throws Exception {
        Path svg = dir.resolve("lineage.svg");
        CliRun r = DemoIncident.report(project, "--svg", svg.toString());
        assertEquals(0, r.exit(), r.err());

        Snapshots.assertMatches("report/demo-failed-build.svg.txt", svgLines(Files.readString(svg)));
    }

    @Test
    void theMarkdownHasTheSameSectionsTablesAndFailedRows() throws Exception {
        Path md = dir.resolve("report.md");
        CliRun r = DemoIncident.report(
                project,
                "--markdown",
                md.toString(),
                "--svg",
                dir.resolve("lineage.svg").toString());
        assertEquals(0, r.exit(), r.err());

        Snapshots.assertMatches("report/demo-failed-build.md.txt", markdownLines(Files.readString(md)));
    }

    @Test
    void theHtmlHasTheSameSectionsTablesAndInlinePicture() throws Exception {
        Path html = dir.resolve("report.html");
        Path svg = dir.resolve("lineage.svg");
        CliRun r = DemoIncident.report(project, "--html", html.toString(), "--svg", svg.toString());
        assertEquals(0, r.exit(), r.err());
        String text = Files.readString(html);

        Matcher inline = INLINE_SVG.matcher(text);
        assertTrue(inline.find(), "an inline picture");
        assertEquals(
                SvgStructure.of(Files.readString(svg)),
                SvgStructure.of(inline.group()),
                "the inline picture draws what the SVG file draws");
        Snapshots.assertMatches("report/demo-failed-build.html.txt", htmlLines(text));
    }

    private List<String> svgLines(String svg) throws Exception {
        return SvgStructure.of(svg).lines().stream()
                .map(l -> Snapshots.normalize(l, project))
                .toList();
    }

    /**
     * Headings, paragraphs, and each table as its header; rows in full for the failed nodes (the report's point), by
     * their first cell elsewhere.
     */
    private List<String> markdownLines(String md) {
        List<String> out = new ArrayList<>();
        String heading = "";
        boolean inTable = false;
        for (String line : md.lines().toList()) {
            if (line.startsWith("#")) {
                heading = line;
                out.add(line);
                inTable = false;
            } else if (line.startsWith("|")) {
                List<String> cells = markdownCells(line);
                if (cells.stream().allMatch(c -> c.equals("---"))) {
                    continue;
                }
                if (!inTable) {
                    out.add("table: " + String.join(" | ", cells));
                    inTable = true;
                } else {
                    out.add("  row: "
                            + (heading.equals("## Failed nodes") ? String.join(" | ", cells) : cells.getFirst()));
                }
            } else if (!line.isBlank()) {
                out.add("text: " + line);
                inTable = false;
            } else {
                inTable = false;
            }
        }
        return out.stream().map(l -> Snapshots.normalize(l, project)).toList();
    }

    private static List<String> markdownCells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.length() - 1);
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** The document title, headings, paragraphs, tables (header, then each row's first cell) and the figure. */
    private List<String> htmlLines(String html) {
        List<String> out = new ArrayList<>();
        Matcher title = HEAD_TITLE.matcher(html);
        out.add("title: " + (title.find() ? title.group(1) : "(none)"));
        String body = INLINE_SVG.matcher(html.substring(html.indexOf("<body>"))).replaceAll("<svg>");
        Matcher part = HTML_PART.matcher(body);
        boolean header = false;
        while (part.find()) {
            if (part.group(1) != null) {
                out.add(part.group(1) + ": " + part.group(2));
            } else if (part.group().equals("<table>")) {
                header = true;
            } else if (part.group(3) != null) {
                List<String> cells = new ArrayList<>();
                Matcher cell = CELL.matcher(part.group(3));
                while (cell.find()) {
                    cells.add(cell.group(2));
                }
                out.add(header ? "table: " + String.join(" | ", cells) : "  row: " + cells.getFirst());
                header = false;
            } else if (part.group(4) != null) {
                out.add("text: " + part.group(4));
            } else if (part.group(5) != null) {
                out.add("figcaption: " + part.group(5));
            } else {
                out.add("inline svg");
            }
        }
        return out.stream().map(l -> Snapshots.normalize(l, project)).toList();
    }
}
