// SPDX-License-Identifier: Apache-2.0
/**
 * Runs dbt for dbt-rescue: locally or over SSH, with live typed events parsed from dbt's JSON log, a journal of every
 * batch and node result, cancellation and resume. No UI; blocking APIs usable from any thread.
 */
module dev.dbtrescue.runner {
    requires static org.jspecify;
    requires transitive dev.dbtrescue.graph;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.jcraft.jsch;

    exports dev.dbtrescue.runner;
    exports dev.dbtrescue.runner.journal;
    exports dev.dbtrescue.runner.local;
    exports dev.dbtrescue.runner.log;
    exports dev.dbtrescue.runner.ssh;
}
