// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.util.Objects;

/**
 * Something about the loaded artifacts that the user should know but that does not stop loading.
 *
 * @param file the artifact concerned
 * @param message what was found and what it means
 */
public record LoadWarning(String file, String message) {

    public LoadWarning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + ": " + message;
    }
}
