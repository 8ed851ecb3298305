// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.util.Locale;

/** What the runner does after a batch fails. */
public enum FailurePolicy {
    /** Run no further batch. */
    STOP,
    /** Go on with the nodes of later batches that do not depend on a failed node. */
    CONTINUE;

    /**
     * The policy named on the command line or in a journal.
     *
     * @throws IllegalArgumentException naming the choices, for anything else
     */
    public static FailurePolicy fromCli(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "stop" -> STOP;
            case "continue" -> CONTINUE;
            default -> throw new IllegalArgumentException("--on-failure must be stop or continue, not '" + name + "'");
        };
    }

    /** The name on the command line: {@code stop} or {@code continue}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
