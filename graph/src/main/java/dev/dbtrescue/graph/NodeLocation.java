// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a resource is defined.
 *
 * @param path the path relative to its resource folder ({@code staging/stg_orders.sql}); a pseudo name for generic
 *     tests
 * @param originalFilePath the path relative to the project root; the YAML file for YAML-defined resources
 * @param patchPath the YAML file that added properties, as {@code package://models/_schema.yml}
 */
public record NodeLocation(String path, String originalFilePath, Optional<String> patchPath) {

    public NodeLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(originalFilePath, "originalFilePath");
        Objects.requireNonNull(patchPath, "patchPath");
    }
}
