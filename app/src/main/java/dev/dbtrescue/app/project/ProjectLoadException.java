// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import java.io.Serial;

/**
 * A project could not be opened. The message is meant for the user as it is: which file or host, what is wrong, and
 * what to do.
 */
public final class ProjectLoadException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public ProjectLoadException(String message) {
        super(message);
    }

    public ProjectLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
