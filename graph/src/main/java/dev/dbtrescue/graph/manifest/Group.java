// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * A dbt group: a named owner for a set of resources.
 *
 * @param name the group name
 * @param packageName the package that defines it
 * @param ownerName the owner's name, when given
 * @param ownerEmail the owner's email, when given
 */
public record Group(String name, String packageName, Optional<String> ownerName, Optional<String> ownerEmail) {

    public Group {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
    }
}
