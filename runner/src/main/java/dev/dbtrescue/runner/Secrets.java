// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.util.Comparator;
import java.util.List;

/**
 * Masks secret values in any text before it reaches the journal, a listener or an error message: dbt may echo an
 * environment value (a connection string in an error, for instance).
 */
public final class Secrets {

    /** The mask that replaces a secret. */
    public static final String MASK = "****";

    private final List<String> values;

    /** Masks the values of the secret variables among {@code env}. */
    public Secrets(List<EnvVar> env) {
        this.values = env.stream()
                .filter(EnvVar::secret)
                .map(EnvVar::value)
                .filter(v -> !v.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** The text with every secret value replaced by {@link #MASK}; longer secrets first. */
    public String mask(String text) {
        String out = text;
        for (String v : values) {
            if (out.contains(v)) {
                out = out.replace(v, MASK);
            }
        }
        return out;
    }

    /** Each word masked. */
    public List<String> mask(List<String> words) {
        return words.stream().map(this::mask).toList();
    }
}
