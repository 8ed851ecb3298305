// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of the {@code dbt-rescue} command line, with its exit code and what it printed.
 *
 * @param exit the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exit, String out, String err) {

    /** Runs the command line with {@code args}, capturing both outputs. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RootCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** As {@link #of(String...)}. */
    static CliRun of(List<String> args) {
        return of(args.toArray(String[]::new));
    }
}
