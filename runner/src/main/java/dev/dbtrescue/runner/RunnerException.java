// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.io.Serial;
import java.util.Objects;

/** A run could not start or go on; the message says what failed, where, and what to do. It never holds secrets. */
public final class RunnerException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What kind of problem it is, for callers that react differently (a dialog, a retry, a resume offer). */
    public enum Kind {
        /** The dbt executable was not found or could not be started. */
        DBT_MISSING,
        /** The project folder (local or remote) is missing or unusable. */
        PROJECT,
        /** Another run holds the project's lock. */
        LOCKED,
        /** The host could not be reached, or refused the connection. */
        UNREACHABLE,
        /** The host's key is unknown and was not accepted, or it changed. */
        HOST_KEY,
        /** No offered credential was accepted. */
        AUTHENTICATION,
        /** The connection dropped while dbt was running. */
        CONNECTION_LOST,
        /** The journal or a plan cannot be read, or does not match the project. */
        JOURNAL,
        /** Local or remote file I/O failed. */
        IO
    }

    private final Kind kind;

    public RunnerException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public RunnerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What kind of problem this is. */
    public Kind kind() {
        return kind;
    }
}
