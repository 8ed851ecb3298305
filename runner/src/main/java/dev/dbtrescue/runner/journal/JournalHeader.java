// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtrescue.runner.EnvVar;
import dev.dbtrescue.runner.FailurePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The first record of a journal: what was run, where, and how, enough to resume it without asking again.
 *
 * @param runId the run's id (also the journal's file name stem)
 * @param project the local project folder (artifacts are read and written there)
 * @param executor where dbt ran, for people
 * @param location the executor's lock key
 * @param host the SSH destination as given, when dbt ran remotely
 * @param remoteDir the remote project folder, when dbt ran remotely
 * @param dbtExecutable the dbt executable, when it was given explicitly
 * @param policy what to do after a failed batch
 * @param retry whether a failed batch is retried once
 * @param env the environment variables given for dbt: a secret one is recorded by name only and must be given again
 *     on resume
 * @param planJson the plan, as {@code PlanJson} writes it
 */
public record JournalHeader(
        String runId,
        String project,
        String executor,
        String location,
        Optional<String> host,
        Optional<String> remoteDir,
        Optional<String> dbtExecutable,
        FailurePolicy policy,
        boolean retry,
        List<EnvVar> env,
        String planJson) {

    public JournalHeader {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(remoteDir, "remoteDir");
        Objects.requireNonNull(dbtExecutable, "dbtExecutable");
        Objects.requireNonNull(policy, "policy");
        env = List.copyOf(env);
        Objects.requireNonNull(planJson, "planJson");
    }

    /** The names of the secret variables, whose values the journal does not hold. */
    public List<String> secretNames() {
        return env.stream().filter(EnvVar::secret).map(EnvVar::name).toList();
    }

    ObjectNode toJson(ObjectMapper json, Instant at) throws JsonProcessingException {
        ObjectNode r = json.createObjectNode();
        r.put("type", "run-started");
        r.put("at", at.toString());
        r.put("journal_version", RunJournal.VERSION);
        r.put("run_id", runId);
        r.put("project", project);
        r.put("executor", executor);
        r.put("location", location);
        host.ifPresent(h -> r.put("host", h));
        remoteDir.ifPresent(d -> r.put("remote_dir", d));
        dbtExecutable.ifPresent(d -> r.put("dbt", d));
        r.put("policy", policy.cliName());
        r.put("retry", retry);
        ArrayNode vars = r.putArray("env");
        for (EnvVar v : env) {
            ObjectNode o = vars.addObject().put("name", v.name()).put("secret", v.secret());
            if (!v.secret()) {
                o.put("value", v.value());
            }
        }
        r.set("plan", json.readTree(planJson));
        return r;
    }

    static JournalHeader fromJson(JsonNode r, ObjectMapper json) throws JsonProcessingException {
        List<EnvVar> env = new ArrayList<>();
        for (JsonNode v : r.path("env")) {
            env.add(new EnvVar(
                    v.path("name").asText(),
                    v.path("value").asText(""),
                    v.path("secret").asBoolean(false)));
        }
        return new JournalHeader(
                required(r, "run_id"),
                required(r, "project"),
                required(r, "executor"),
                required(r, "location"),
                optional(r, "host"),
                optional(r, "remote_dir"),
                optional(r, "dbt"),
                FailurePolicy.fromCli(required(r, "policy")),
                r.path("retry").asBoolean(false),
                env,
                json.writeValueAsString(r.path("plan")));
    }

    private static String required(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("the run-started record has no '" + field + "'");
        }
        return v.asText();
    }

    private static Optional<String> optional(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || !v.isTextual() ? Optional.empty() : Optional.of(v.asText());
    }
}
