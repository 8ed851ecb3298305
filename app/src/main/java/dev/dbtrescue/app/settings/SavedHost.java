// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import java.util.Objects;

/**
 * An SSH host the run panel offers.
 *
 * @param destination a {@code ~/.ssh/config} alias or {@code user@host[:port]}, never blank
 * @param remoteDir the dbt project folder on the host, empty when not known
 * @param dbtExecutable the dbt executable on the host, empty for the project's venv, then {@code PATH}
 */
public record SavedHost(String destination, String remoteDir, String dbtExecutable) {

    public SavedHost {
        destination = Objects.requireNonNull(destination, "destination").strip();
        remoteDir = Objects.requireNonNull(remoteDir, "remoteDir").strip();
        dbtExecutable = Objects.requireNonNull(dbtExecutable, "dbtExecutable").strip();
        if (destination.isEmpty()) {
            throw new IllegalArgumentException("a saved host needs a destination");
        }
    }

    @Override
    public String toString() {
        return destination;
    }
}
