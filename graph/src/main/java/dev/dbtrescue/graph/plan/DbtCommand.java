// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import java.util.List;

/**
 * One dbt invocation as its argument vector: {@code [dbt, build, --select, ..., --threads, 4]}.
 *
 * @param argv the executable and its arguments, unquoted
 */
public record DbtCommand(List<String> argv) {

    public DbtCommand {
        argv = List.copyOf(argv);
        if (argv.size() < 2) {
            throw new IllegalArgumentException("a dbt command needs the executable and a subcommand: " + argv);
        }
    }

    /** The command line for a POSIX shell, every argument quoted where needed. */
    public String shell() {
        return ShellQuoting.join(argv);
    }

    /** The arguments after the executable. */
    public List<String> arguments() {
        return argv.subList(1, argv.size());
    }
}
