// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields that only some resource types carry.
 *
 * @param description the description, empty when blank
 * @param language {@code sql} or {@code python}, for code nodes
 * @param version a versioned model's version ({@code 2}, {@code 1.5}, {@code "beta"}), as text
 * @param latestVersion a versioned model's {@code latest_version}, as text
 * @param access {@code private}, {@code protected} or {@code public}, for models
 * @param group the group name, when the resource belongs to one
 * @param meta the node-level {@code meta} (read-only)
 * @param test generic-test metadata, for generic data tests only
 * @param source source-table specifics, for sources only
 * @param exposure exposure specifics, for exposures only
 * @param testedModel the model a unit test tests, for unit tests only
 * @param deprecationDate a model's {@code deprecation_date}, as written
 */
public record NodeDetails(
        Optional<String> description,
        Optional<String> language,
        Optional<String> version,
        Optional<String> latestVersion,
        Optional<String> access,
        Optional<String> group,
        JsonNode meta,
        Optional<TestMetadata> test,
        Optional<SourceInfo> source,
        Optional<ExposureInfo> exposure,
        Optional<String> testedModel,
        Optional<String> deprecationDate) {

    /** No details. */
    public static final NodeDetails NONE = new NodeDetails(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            MissingNode.getInstance(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    public NodeDetails {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(latestVersion, "latestVersion");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(testedModel, "testedModel");
        Objects.requireNonNull(deprecationDate, "deprecationDate");
    }
}
