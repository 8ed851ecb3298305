// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.util.List;
import java.util.Objects;

/**
 * A macro from the manifest, with what state comparison needs: its own dependencies and a hash of its SQL (the text
 * itself is not held).
 *
 * @param uniqueId {@code macro.<package>.<name>}
 * @param name the macro name
 * @param packageName the package that defines it
 * @param originalFilePath the file that defines it
 * @param dependsOnMacros the macros it calls
 * @param sqlHash SHA-256 (hex) of {@code macro_sql}
 */
public record Macro(
        String uniqueId,
        String name,
        String packageName,
        String originalFilePath,
        List<String> dependsOnMacros,
        String sqlHash) {

    public Macro {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(originalFilePath, "originalFilePath");
        dependsOnMacros = List.copyOf(dependsOnMacros);
        Objects.requireNonNull(sqlHash, "sqlHash");
    }
}
