// SPDX-License-Identifier: Apache-2.0
/** Implementation details shared by the executors; not exported. */
@NullMarked
package dev.dbtrescue.runner.internal;

import org.jspecify.annotations.NullMarked;
