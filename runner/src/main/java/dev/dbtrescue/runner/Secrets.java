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

    /**
     * The event with every text it carries masked. Mask events after parsing, never the raw JSON line: dbt escapes
     * quotes, backslashes and non-ASCII characters there, so a secret would not match its escaped form.
     */
    public RunEvent mask(RunEvent event) {
        if (values.isEmpty()) {
            return event;
        }
        return switch (event) {
            case RunEvent.InvocationStarted e ->
                new RunEvent.InvocationStarted(e.invocationId(), e.dbtVersion(), e.at(), mask(e.text()));
            case RunEvent.NodeStarted e ->
                new RunEvent.NodeStarted(e.uniqueId(), e.name(), e.resourceType(), e.at(), mask(e.text()));
            case RunEvent.NodeFinished e ->
                new RunEvent.NodeFinished(
                        e.uniqueId(),
                        e.name(),
                        e.resourceType(),
                        e.status(),
                        e.executionTime(),
                        e.at(),
                        mask(e.text()));
            case RunEvent.LogLine e -> new RunEvent.LogLine(e.level(), e.name(), e.uniqueId(), e.at(), mask(e.text()));
            case RunEvent.InvocationCompleted e -> new RunEvent.InvocationCompleted(e.stats(), e.at(), mask(e.text()));
            case RunEvent.RawLine e -> new RunEvent.RawLine(e.eventName(), mask(e.text()));
            case RunEvent.BatchStarted e ->
                new RunEvent.BatchStarted(e.batch(), e.attempt(), e.nodes(), mask(e.command()), e.at());
            case RunEvent.BatchFinished e ->
                new RunEvent.BatchFinished(
                        e.batch(), e.attempt(), e.outcome(), e.exitCode(), e.elapsed(), e.at(), mask(e.text()));
            case RunEvent.BatchSkipped e -> new RunEvent.BatchSkipped(e.batch(), e.nodes(), mask(e.reason()), e.at());
            case RunEvent.RunFinished e -> e;
        };
    }

    /** The exception with its message masked (the kind and cause are kept). */
    public RunnerException mask(RunnerException e) {
        String message = String.valueOf(e.getMessage());
        String masked = mask(message);
        if (masked.equals(message)) {
            return e;
        }
        return e.getCause() == null
                ? new RunnerException(e.kind(), masked)
                : new RunnerException(e.kind(), masked, e.getCause());
    }

    /** Each word masked. */
    public List<String> mask(List<String> words) {
        return words.stream().map(this::mask).toList();
    }
}
