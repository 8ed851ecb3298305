// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Version text for {@code --version}. */
public final class Versions implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return new String[] {
            "dbt-rescue " + (version == null ? "development build" : version),
            "reads manifest.json v4-v12, run_results.json v4-v6, sources.json v1-v3 (dbt 1.0 to 1.12)",
            "Java " + Runtime.version()
        };
    }
}
