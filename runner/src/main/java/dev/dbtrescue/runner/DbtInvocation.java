// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.util.List;
import java.util.Optional;

/**
 * One dbt command to start on a host.
 *
 * @param executable the dbt executable to use; empty to look for it in the project's virtual environment
 *     ({@code .venv/bin/dbt}, {@code venv/bin/dbt}) and then on {@code PATH}
 * @param arguments the arguments after the executable, for instance {@code build --select a}
 * @param env environment variables for dbt, on top of the host's environment
 */
public record DbtInvocation(Optional<String> executable, List<String> arguments, List<EnvVar> env) {

    public DbtInvocation {
        arguments = List.copyOf(arguments);
        env = List.copyOf(env);
        if (executable.isPresent() && executable.get().isBlank()) {
            throw new IllegalArgumentException("the dbt executable must not be blank");
        }
    }
}
