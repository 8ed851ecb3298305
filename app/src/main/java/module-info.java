// SPDX-License-Identifier: Apache-2.0
/** The dbt-rescue desktop app and command line. */
module dev.dbtrescue.app {
    requires static org.jspecify;
    requires dev.dbtrescue.graph;
    requires dev.dbtrescue.runner;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires javafx.controls;
    requires javafx.swing;
    requires atlantafx.base;

    exports dev.dbtrescue.app to
            javafx.graphics;

    opens dev.dbtrescue.app.cli to
            info.picocli;
}
