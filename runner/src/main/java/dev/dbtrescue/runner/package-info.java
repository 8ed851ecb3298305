// SPDX-License-Identifier: Apache-2.0
/** Running dbt for a rescue plan: the plan runner, its requests, events, listeners and cancellation handle, and the executor abstraction that local and SSH hosts implement. */
@NullMarked
package dev.dbtrescue.runner;

import org.jspecify.annotations.NullMarked;
