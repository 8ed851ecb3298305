// SPDX-License-Identifier: Apache-2.0
/** The run panel: a plan run with dbt, live log and progress, cancel, resume and the run history. */
@NullMarked
package dev.dbtrescue.app.run;

import org.jspecify.annotations.NullMarked;
