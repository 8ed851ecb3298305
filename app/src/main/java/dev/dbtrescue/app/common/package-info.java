// SPDX-License-Identifier: Apache-2.0
/** Small pieces shared by the screens: executors and the thread hop to the FX thread. */
@NullMarked
package dev.dbtrescue.app.common;

import org.jspecify.annotations.NullMarked;
