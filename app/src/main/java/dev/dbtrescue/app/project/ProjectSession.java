// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ProjectArtifacts;
import dev.dbtrescue.graph.plan.ExactSelectors;
import dev.dbtrescue.graph.plan.RescuePresets;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.select.SelectorEvaluator;
import dev.dbtrescue.graph.status.Failure;
import dev.dbtrescue.graph.status.FailureAnalysis;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One opened project, everything the screens need, computed once off the FX thread and then shared read-only.
 *
 * @param title what the window title shows: project name and where it came from
 * @param origin where the artifacts were opened from (a folder, files, or an SSH host and path)
 * @param project the artifacts with graph and merged status
 * @param state what a state folder gives ({@link SelectionState#NONE} when none was chosen)
 * @param stateOrigin where the state came from, empty when none
 * @param analysis the triage: failures with error class and blast radius, skip causes, stale sources
 * @param selectors the exact selector of every node
 * @param evaluator the project's selector evaluator with the state (thread-safe; it caches the state comparison,
 *     so every screen shares this one)
 * @param presets the rescue presets on that evaluator (thread-safe)
 * @param failuresByNode the analysis's failures by node, largest blast radius first
 * @param place where the project lives, to run it and read its artifacts again
 */
public record ProjectSession(
        String title,
        String origin,
        LoadedProject project,
        SelectionState state,
        Optional<String> stateOrigin,
        FailureAnalysis analysis,
        ExactSelectors selectors,
        SelectorEvaluator evaluator,
        RescuePresets presets,
        Map<NodeId, Failure> failuresByNode,
        ProjectPlace place) {

    public ProjectSession {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateOrigin, "stateOrigin");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(selectors, "selectors");
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(presets, "presets");
        failuresByNode = Collections.unmodifiableMap(new LinkedHashMap<>(failuresByNode));
        Objects.requireNonNull(place, "place");
    }

    /**
     * Builds a session from read artifacts.
     *
     * @param origin where they came from, as shown to the user
     * @param artifacts the artifacts
     * @param state the state for {@code state:} methods, {@link SelectionState#NONE} for none
     * @param stateOrigin where the state came from, empty when none
     * @param now the moment ages are measured against
     * @throws ArtifactException if the manifest cannot form a graph
     */
    public static ProjectSession of(
            String origin, ProjectArtifacts artifacts, SelectionState state, Optional<String> stateOrigin, Instant now)
            throws ArtifactException {
        return of(origin, artifacts, state, stateOrigin, now, ProjectPlace.NONE);
    }

    /**
     * Builds a session from read artifacts of a project that lives at {@code place}.
     *
     * @throws ArtifactException if the manifest cannot form a graph
     */
    public static ProjectSession of(
            String origin,
            ProjectArtifacts artifacts,
            SelectionState state,
            Optional<String> stateOrigin,
            Instant now,
            ProjectPlace place)
            throws ArtifactException {
        LineageGraph graph = LoadedProject.graphOf(artifacts);
        // the selectors' indexes are built on a second core while this one merges the status and analyses the run
        // (on the 15k project each side takes 0.2-0.5 s, and opening waits for both)
        record Selecting(ExactSelectors selectors, SelectorEvaluator evaluator) {}
        CompletableFuture<Selecting> selecting = CompletableFuture.supplyAsync(() ->
                new Selecting(ExactSelectors.of(graph), new SelectorEvaluator(graph, artifacts.manifest(), state)));
        LoadedProject loaded = LoadedProject.of(artifacts, graph, now);
        FailureAnalysis analysis = new FailureAnalyzer().analyze(loaded.status());
        Selecting built;
        try {
            built = selecting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        ExactSelectors selectors = built.selectors();
        SelectorEvaluator evaluator = built.evaluator();
        Map<NodeId, Failure> byNode = new LinkedHashMap<>();
        for (Failure failure : analysis.failures()) {
            byNode.put(failure.node(), failure);
        }
        return new ProjectSession(
                artifacts.manifest().projectName() + " — " + origin,
                origin,
                loaded,
                state,
                stateOrigin,
                analysis,
                selectors,
                evaluator,
                new RescuePresets(loaded, selectors, state, evaluator),
                byNode,
                place);
    }

    /** True when a state manifest is loaded, so {@code state:modified} can be evaluated. */
    public boolean hasStateManifest() {
        return state.manifest().isPresent();
    }
}
