// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app;

import dev.dbtrescue.app.plan.PlanViewModel;
import dev.dbtrescue.app.report.ExportViewModel;
import dev.dbtrescue.app.run.RunViewModel;
import java.util.Objects;

/**
 * The screens that act on a selection: plan it, run the plan, export the incident.
 *
 * @param plan the plan panel
 * @param run the run panel
 * @param export the incident exports
 */
public record Rescue(PlanViewModel plan, RunViewModel run, ExportViewModel export) {

    public Rescue {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(export, "export");
    }
}
