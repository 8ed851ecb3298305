// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.ProjectArtifacts;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dbt-rescue status}: what the last runs left behind. Counts by resource type and status; every failure with
 * its class, first error line, blast radius and the nodes it skipped; stale sources.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description =
                "Summarise the state a project's last dbt runs left: failures, blast radius, skips, stale sources.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the status was read (whatever it shows)",
            "2:an input could not be read; the message says why"
        })
public final class StatusCommand implements Callable<Integer> {

    /** Where the artifacts come from: a project folder, or files one by one. */
    static final class Input {
        @Option(names = "--project", paramLabel = "DIR", description = "dbt project folder; reads DIR/target/*.json.")
        Path project;

        @ArgGroup(exclusive = false)
        Files files;
    }

    /** Explicit artifact files. */
    static final class Files {
        @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "manifest.json to read.")
        Path manifest;

        @Option(
                names = "--run-results",
                paramLabel = "FILE",
                description = "run_results.json to merge (repeatable; the latest result of each node wins).")
        List<Path> runResults = List.of();

        @Option(names = "--sources", paramLabel = "FILE", description = "sources.json from `dbt source freshness`.")
        List<Path> sources = List.of();
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "text|json",
            description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(
            names = "--now",
            hidden = true,
            paramLabel = "INSTANT",
            description = "The moment ages are measured against (tests).")
    Instant now;

    @Spec
    CommandSpec spec;

    /** The output formats. */
    enum OutputFormat {
        text,
        json
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedProject project;
        try {
            ArtifactLoader loader = new ArtifactLoader();
            ProjectArtifacts artifacts = input.project != null
                    ? loader.loadProject(input.project)
                    : loader.load(input.files.manifest, input.files.runResults, input.files.sources);
            project = LoadedProject.of(artifacts, now == null ? Instant.now() : now);
        } catch (ArtifactException e) {
            err.println("dbt-rescue: " + e.getMessage());
            err.flush();
            return ExitCodes.UNREADABLE_INPUT;
        }
        StatusReport report = StatusReport.of(project, new FailureAnalyzer().analyze(project.status()));
        out.print(format == OutputFormat.json ? report.toJson() : report.toText());
        out.flush();
        project.warnings().forEach(w -> err.println("warning: " + w));
        err.flush();
        return ExitCodes.OK;
    }
}
