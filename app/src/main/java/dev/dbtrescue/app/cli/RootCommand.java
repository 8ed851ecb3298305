// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import dev.dbtrescue.app.LineageApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dbt-rescue}: with no subcommand, opens the desktop app (optionally on a project). */
@Command(
        name = "dbt-rescue",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "See, pick, plan and run what a failed dbt project needs. With no subcommand, opens the window.",
        subcommands = {
            StatusCommand.class,
            LsCommand.class,
            PlanCommand.class,
            RunCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class RootCommand implements Callable<Integer> {

    /** Exit code meaning "the window was opened and now owns the process". */
    public static final int GUI_STARTED = -1;

    @Option(names = "--project", paramLabel = "DIR", description = "dbt project folder to open in the window.")
    Path project;

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description = "Production artifacts (a state folder) to compare with, for Modified + downstream.")
    Path state;

    @Option(names = "--demo", description = "Open the bundled demo project (a real failed dbt run).")
    boolean demo;

    /** The command line with dbt-rescue's conventions: exit 2 on bad usage or unreadable input. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new RootCommand()));
    }

    /** Applies dbt-rescue's conventions to a command line (also one parsing a subcommand's options on its own). */
    static CommandLine configure(CommandLine cli) {
        cli.setExitCodeExceptionMapper(e -> ExitCodes.UNREADABLE_INPUT);
        cli.setExpandAtFiles(false); // '@orders' is dbt's childrens-parents operator, never an argument file
        cli.setUnmatchedOptionsAllowedAsOptionParameters(false); // like dbt: an unknown -x is an error, not a value
        return cli;
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (project != null) {
            args.add("--project=" + project.toAbsolutePath());
        }
        if (state != null) {
            args.add("--state=" + state.toAbsolutePath());
        }
        if (demo) {
            args.add("--demo=true");
        }
        Application.launch(LineageApp.class, args.toArray(String[]::new));
        return GUI_STARTED;
    }
}
