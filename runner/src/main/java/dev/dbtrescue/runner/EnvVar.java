// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An environment variable for dbt. A secret one is passed to dbt but its value never appears in the journal, logs,
 * events or error messages (the runner masks it wherever dbt echoes it), nor on a command line.
 *
 * @param name a POSIX variable name
 * @param value the value, on one line
 * @param secret whether to mask the value
 */
public record EnvVar(String name, String value, boolean secret) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * @throws IllegalArgumentException if the name is not a variable name or the value spans lines
     */
    public EnvVar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not an environment variable name: use letters, digits and _, not starting"
                            + " with a digit");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the value of " + name + " spans lines; give it on one line");
        }
    }

    @Override
    public String toString() {
        return secret ? name + "=****" : name + "=" + value;
    }
}
