// SPDX-License-Identifier: Apache-2.0
/**
 * The pure domain of dbt-rescue: dbt artifacts, the lineage DAG, run status and failure analysis. No UI, no threads,
 * no clock, no process or network I/O.
 */
module dev.dbtrescue.graph {
    requires static org.jspecify;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.jgrapht.core;

    exports dev.dbtrescue.graph;
    exports dev.dbtrescue.graph.layout;
    exports dev.dbtrescue.graph.manifest;
    exports dev.dbtrescue.graph.plan;
    exports dev.dbtrescue.graph.select;
    exports dev.dbtrescue.graph.status;
}
