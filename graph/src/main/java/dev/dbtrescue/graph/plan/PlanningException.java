// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import java.io.Serial;

/** A plan cannot be made from what was asked; the message says what is wrong and what to do. */
public final class PlanningException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public PlanningException(String message) {
        super(message);
    }
}
