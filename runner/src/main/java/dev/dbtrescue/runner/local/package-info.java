// SPDX-License-Identifier: Apache-2.0
/** Runs dbt as a local process in the project folder, found on PATH, in the project's virtual environment, or set explicitly. */
@NullMarked
package dev.dbtrescue.runner.local;

import org.jspecify.annotations.NullMarked;
