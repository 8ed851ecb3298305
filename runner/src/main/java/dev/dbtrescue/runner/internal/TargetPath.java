// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where dbt writes its artifacts in a project: {@code target-path} of {@code dbt_project.yml}, else {@code target}. */
public final class TargetPath {

    private static final Pattern KEY = Pattern.compile("(?m)^target-path:\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s#]+))");

    private TargetPath() {}

    /**
     * The target folder, relative to the project (or absolute), from the text of {@code dbt_project.yml}.
     *
     * @param projectYml the file's text; empty when there is none
     */
    public static String of(String projectYml) {
        Matcher m = KEY.matcher(projectYml);
        if (!m.find()) {
            return "target";
        }
        for (int g = 1; g <= 3; g++) {
            if (m.group(g) != null && !m.group(g).isBlank()) {
                return m.group(g).strip();
            }
        }
        return "target";
    }
}
