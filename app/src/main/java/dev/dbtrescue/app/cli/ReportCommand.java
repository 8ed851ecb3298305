// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import dev.dbtrescue.app.project.StateFolder;
import dev.dbtrescue.app.report.IncidentPicture;
import dev.dbtrescue.app.report.IncidentReport;
import dev.dbtrescue.app.report.PngPicture;
import dev.dbtrescue.app.report.SvgPicture;
import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.plan.ExactSelectors;
import dev.dbtrescue.graph.plan.PlanningException;
import dev.dbtrescue.graph.plan.RescuePresets;
import dev.dbtrescue.graph.plan.RescuePresets.PresetSelection;
import dev.dbtrescue.graph.select.IndirectSelection;
import dev.dbtrescue.graph.status.FailureAnalysis;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.runner.RunnerException;
import dev.dbtrescue.runner.journal.Journal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dbt-rescue report}: the incident review export without the window. The lineage of the incident (the failed
 * nodes and what they block, or any selection) as SVG and PNG, and the filled triage report as Markdown and
 * self-contained HTML.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Export the incident for the review: the lineage picture (--svg, --png) and the filled triage"
                + " report (--markdown, --html). Without an output option the Markdown goes to standard output.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the exports were written", "2:an input or an option is wrong (see message)"})
public final class ReportCommand implements Callable<Integer> {

    @Option(
            names = "--project",
            required = true,
            paramLabel = "DIR",
            description = "dbt project folder; reads DIR/target/{manifest,run_results,sources}.json.")
    Path project;

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description = "Production artifacts, for state: selectors and --preset modified.")
    Path state;

    @Option(
            names = {"-s", "--select"},
            arity = "1..*",
            paramLabel = "SELECTOR",
            description = "What the picture shows, as dbt selectors (default: the failed preset, failures and"
                    + " everything downstream).")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", paramLabel = "SELECTOR", description = "dbt selectors to leave out.")
    List<String> exclude = new ArrayList<>();

    @Option(
            names = "--journal",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Run journals of the recovery (the path `dbt-rescue run` prints), oldest first: their"
                    + " commands, outcomes and durations fill the report's recovery and remaining-failures parts.")
    List<Path> journals = new ArrayList<>();

    @Option(names = "--svg", paramLabel = "FILE", description = "Write the lineage picture as SVG.")
    Path svg;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the lineage picture as PNG.")
    Path png;

    @Option(
            names = "--png-scale",
            defaultValue = "2",
            paramLabel = "X",
            description = "PNG pixels per point (default ${DEFAULT-VALUE}; 1 for screens, 3-4 for print).")
    double pngScale;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the triage report as Markdown.")
    Path markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the triage report as one HTML file.")
    Path html;

    @Option(
            names = "--now",
            hidden = true,
            paramLabel = "INSTANT",
            description = "The moment the report is dated and ages are measured against (tests).")
    Instant now;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Instant at = now == null ? Instant.now() : now;
            LoadedProject loaded = LoadedProject.of(new ArtifactLoader().loadProject(project), at);
            List<Journal> runs = new ArrayList<>();
            for (Path journal : journals) {
                runs.add(Journal.read(journal));
            }
            RescuePresets presets = new RescuePresets(
                    loaded, ExactSelectors.of(loaded.graph()), StateFolder.read(state, loaded.artifacts()));
            PresetSelection selection = select.isEmpty()
                    ? presets.narrow(presets.failed(), exclude, IndirectSelection.EAGER)
                    : presets.select(select, exclude, IndirectSelection.EAGER);
            selection.warnings().forEach(w -> err.println("warning: " + w));
            String shown = selection.select().isEmpty()
                    ? "nothing (no failures)"
                    : "--select " + selection.select()
                            + (selection.exclude().isEmpty() ? "" : " --exclude " + selection.exclude());
            FailureAnalysis analysis = new FailureAnalyzer().analyze(loaded.status());
            IncidentPicture picture = IncidentPicture.of(
                    loaded.status(),
                    selection.nodes(),
                    IncidentPicture.title(loaded),
                    IncidentPicture.subtitle(loaded, shown, at));
            Optional<String> svgText = Optional.empty();
            if (svg != null || html != null) {
                svgText = Optional.of(SvgPicture.write(picture));
            }
            if (svg != null) {
                OutputFiles.write(svg, svgText.orElseThrow());
                err.println(
                        "dbt-rescue: wrote the lineage of " + picture.boxes().size() + " nodes to " + svg);
            }
            if (png != null) {
                OutputFiles.createParent(png);
                PngPicture.write(picture, pngScale, png);
                err.println("dbt-rescue: wrote the lineage as PNG to " + png);
            }
            IncidentReport report = IncidentReport.of(loaded, analysis, runs, shown, at);
            if (html != null) {
                OutputFiles.write(html, report.html(svgText));
                err.println("dbt-rescue: wrote the report as HTML to " + html);
            }
            if (markdown != null) {
                OutputFiles.write(markdown, report.markdown(pictureLink(markdown)));
                err.println("dbt-rescue: wrote the report as Markdown to " + markdown);
            }
            if (svg == null && png == null && html == null && markdown == null) {
                out.print(report.markdown(Optional.empty()));
            }
            loaded.warnings().forEach(w -> err.println("warning: " + w));
            return ExitCodes.OK;
        } catch (ArtifactException | PlanningException | RunnerException | IllegalArgumentException e) {
            err.println("dbt-rescue: " + e.getMessage());
            return ExitCodes.UNREADABLE_INPUT;
        } catch (IOException e) {
            err.println("dbt-rescue: could not write the export: " + e.getMessage());
            return ExitCodes.UNREADABLE_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The picture's path as the Markdown file links it: relative when both are in one tree. */
    private Optional<String> pictureLink(Path markdownFile) {
        Path picture = svg != null ? svg : png;
        if (picture == null) {
            return Optional.empty();
        }
        Path from = markdownFile.toAbsolutePath().normalize().getParent();
        Path to = picture.toAbsolutePath().normalize();
        String link = from == null ? to.toString() : from.relativize(to).toString();
        return Optional.of(link.replace('\\', '/').replace(" ", "%20"));
    }
}
