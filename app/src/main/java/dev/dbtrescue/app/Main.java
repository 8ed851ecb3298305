// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.cli.RootCommand;

/**
 * Entry point of {@code dbt-rescue.jar}: with a subcommand it runs headless; with none it opens the desktop window.
 * A plain class (not an {@code Application}) so that the jar starts from the class path.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int exit = RootCommand.commandLine().execute(args);
        if (exit != RootCommand.GUI_STARTED) {
            System.exit(exit);
        }
    }
}
