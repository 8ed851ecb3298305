// SPDX-License-Identifier: Apache-2.0
/** Parses dbt's structured JSON log, line by line, into typed run events. */
@NullMarked
package dev.dbtrescue.runner.log;

import org.jspecify.annotations.NullMarked;
