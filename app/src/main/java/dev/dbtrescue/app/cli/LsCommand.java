// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import dev.dbtrescue.app.project.StateFolder;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.manifest.ManifestReader;
import dev.dbtrescue.graph.select.IndirectSelection;
import dev.dbtrescue.graph.select.NodeNames;
import dev.dbtrescue.graph.select.Selection;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.select.Selector;
import dev.dbtrescue.graph.select.SelectorEvaluator;
import dev.dbtrescue.graph.select.SelectorParser;
import dev.dbtrescue.graph.select.SelectorSyntaxException;
import dev.dbtrescue.graph.select.YamlSelectors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dbt-rescue ls}: the nodes a dbt selector selects, printed as {@code dbt ls} prints them, computed from the
 * manifest in milliseconds instead of by dbt.
 */
@Command(
        name = "ls",
        aliases = "list",
        mixinStandardHelpOptions = true,
        description = "List the nodes a dbt selector selects, exactly as `dbt ls` does, from the project's manifest.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (possibly nothing)", "2:the manifest could not be read or a selector is invalid"})
public final class LsCommand implements Callable<Integer> {

    /** {@code dbt ls}'s resource types when none is asked for. */
    private static final Set<NodeType> DEFAULT_TYPES = EnumSet.of(
            NodeType.MODEL,
            NodeType.SNAPSHOT,
            NodeType.SEED,
            NodeType.TEST,
            NodeType.SOURCE,
            NodeType.EXPOSURE,
            NodeType.METRIC,
            NodeType.SAVED_QUERY,
            NodeType.SEMANTIC_MODEL,
            NodeType.UNIT_TEST,
            NodeType.FUNCTION);

    /** Where the manifest comes from. */
    static final class Input {
        @Option(
                names = "--project",
                paramLabel = "DIR",
                description = "dbt project folder; reads DIR/target/manifest.json.")
        Path project;

        @Option(names = "--manifest", paramLabel = "FILE", description = "manifest.json to read.")
        Path manifest;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(
            names = {"-s", "--select"},
            arity = "1..*",
            paramLabel = "SELECTOR",
            description = "dbt selectors (space-separated tokens are a union, commas an intersection).")
    List<String> select = new ArrayList<>();

    @Option(
            names = {"-m", "--models", "--model"},
            arity = "1..*",
            paramLabel = "SELECTOR",
            description = "Deprecated in dbt: as --select, but lists models only.")
    List<String> models = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", paramLabel = "SELECTOR", description = "dbt selectors to exclude.")
    List<String> exclude = new ArrayList<>();

    @Option(
            names = "--selector",
            paramLabel = "NAME",
            description = "A YAML selector of the project (selectors.yml); --select and --exclude are then ignored.")
    String selectorName;

    @Option(
            names = {"--resource-type", "--resource-types"},
            arity = "1..*",
            paramLabel = "TYPE",
            description = "Keep only these resource types (or 'all', 'default').")
    List<String> resourceTypes = new ArrayList<>();

    @Option(
            names = {"--exclude-resource-type", "--exclude-resource-types"},
            arity = "1..*",
            paramLabel = "TYPE",
            description = "Drop these resource types.")
    List<String> excludeResourceTypes = new ArrayList<>();

    @Option(
            names = "--indirect-selection",
            defaultValue = "eager",
            paramLabel = "MODE",
            description = "eager, cautious, buildable or empty (default ${DEFAULT-VALUE}).")
    String indirectSelection;

    @Option(
            names = "--output",
            defaultValue = "selector",
            paramLabel = "FORMAT",
            description = "selector, name, path, json or unique_id (default ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--output-keys", arity = "1..*", paramLabel = "KEY", description = "Keys of --output json.")
    List<String> outputKeys = new ArrayList<>();

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description =
                    "Artifacts of a previous run (run_results.json, sources.json) for result: and source_status:.")
    Path state;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!List.of("selector", "name", "path", "json", "unique_id").contains(output)) {
                throw new IllegalArgumentException(
                        "--output must be selector, name, path, json or unique_id, not '" + output + "'");
            }
            if (!models.isEmpty()) {
                // dbt's wording, so that scripts reading warnings see what dbt prints
                err.println("warning: Deprecated functionality\nUsage of `--models`, `--model`, and `-m` is"
                        + " deprecated in favor of `--select` or\n`-s`.");
                err.println("warning: Deprecated functionality\nSummary of encountered deprecations:\n"
                        + "- ModelParamUsageDeprecation: 1 occurrence\nTo see all deprecation instances instead of"
                        + " just the first occurrence of each,\nrun command again with the `--show-all-deprecations`"
                        + " flag. You may also need to\nrun with `--no-partial-parse` as some deprecations are only"
                        + " encountered during\nparsing.");
                if (!select.isEmpty()) {
                    throw new IllegalArgumentException("\"models\" and \"select\" are mutually exclusive arguments");
                }
                if (!resourceTypes.isEmpty()) {
                    throw new IllegalArgumentException(
                            "\"models\" and \"resource_type\" are mutually exclusive arguments");
                }
            }
            IndirectSelection mode = IndirectSelection.fromDbt(indirectSelection)
                    .orElseThrow(() -> new IllegalArgumentException("--indirect-selection must be eager, cautious,"
                            + " buildable or empty, not '" + indirectSelection + "'"));
            Set<NodeType> types = resourceTypes();
            // ls needs the manifest only: run results and freshness are read from --state when asked for
            Manifest manifest = new ManifestReader()
                    .read(input.project != null ? new ArtifactLoader().manifestOf(input.project) : input.manifest);
            LineageGraph graph = LineageGraph.of(manifest.nodes().values());
            Selector selector = selector(manifest, mode);
            Selection selection = new SelectorEvaluator(graph, manifest, selectionState()).select(selector);
            selection.warnings().forEach(w -> err.println("warning: " + w));
            List<Node> nodes = new ArrayList<>();
            for (NodeId id : selection.nodes()) {
                Node node = graph.requireNode(id);
                if (types.contains(node.type())) {
                    nodes.add(node);
                }
            }
            if (nodes.isEmpty()) {
                err.println("warning: No nodes selected!");
            }
            for (Node node : nodes) {
                out.println(render(node, manifest));
            }
            return ExitCodes.OK;
        } catch (ArtifactException | SelectorSyntaxException | IllegalArgumentException e) {
            err.println("dbt-rescue: " + e.getMessage());
            return ExitCodes.UNREADABLE_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What --state gives, read as dbt reads it: the state folder's artifacts and the current sources.json. */
    private SelectionState selectionState() throws ArtifactException {
        Path targetDir = input.project != null
                ? input.project.resolve("target")
                : input.manifest.toAbsolutePath().getParent();
        return StateFolder.read(state, targetDir);
    }

    /** As dbt: --selector wins; else --select/--exclude; else the project's default selector; else everything. */
    private Selector selector(Manifest manifest, IndirectSelection mode) throws SelectorSyntaxException {
        if (selectorName != null) {
            if (!select.isEmpty() || !exclude.isEmpty() || !models.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("warning: The --select and --exclude arguments are being ignored"
                                + " for node selection because --selector is provided");
            }
            return YamlSelectors.named(selectorName, manifest.selectors(), mode);
        }
        var defaultSelector = YamlSelectors.defaultSelector(manifest.selectors());
        List<String> chosen = models.isEmpty() ? select : models;
        if (chosen.isEmpty() && exclude.isEmpty() && defaultSelector.isPresent()) {
            return YamlSelectors.named(defaultSelector.get(), manifest.selectors(), mode);
        }
        return new SelectorParser().parse(chosen, exclude, mode);
    }

    private Set<NodeType> resourceTypes() {
        if (!models.isEmpty()) {
            return EnumSet.of(NodeType.MODEL); // --models lists models only
        }
        Set<NodeType> types = EnumSet.noneOf(NodeType.class);
        if (resourceTypes.isEmpty()) {
            types.addAll(DEFAULT_TYPES);
        }
        for (String value : split(resourceTypes)) {
            switch (value) {
                case "all" -> {
                    types.addAll(DEFAULT_TYPES);
                    types.add(NodeType.ANALYSIS);
                }
                case "default" -> types.addAll(DEFAULT_TYPES);
                default -> types.add(type(value));
            }
        }
        for (String value : split(excludeResourceTypes)) {
            types.remove(type(value));
        }
        return types;
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.addAll(List.of(v.toLowerCase(Locale.ROOT).split("[ ,]+"))));
        out.removeIf(String::isEmpty);
        return out;
    }

    private static NodeType type(String value) {
        NodeType type = NodeType.fromDbt(value);
        if (type == NodeType.OTHER) {
            throw new IllegalArgumentException("'" + value + "' is not a resource type dbt ls knows");
        }
        return type;
    }

    private String render(Node node, Manifest manifest) {
        return switch (output) {
            case "name" -> NodeNames.name(node);
            case "path" -> node.location().originalFilePath();
            case "unique_id" -> node.id().value();
            case "json" ->
                LsJson.render(
                        node,
                        manifest.nodeJson(node.id())
                                .orElseThrow(() -> new IllegalArgumentException(
                                        manifest.file().map(Object::toString).orElse("manifest.json")
                                                + ": changed on disk while listing (is dbt writing it?); run again when it"
                                                + " is done")),
                        outputKeys);
            case "selector" -> NodeNames.selector(node);
            default ->
                throw new IllegalArgumentException(
                        "--output must be selector, name, path, json or unique_id, not '" + output + "'");
        };
    }
}
