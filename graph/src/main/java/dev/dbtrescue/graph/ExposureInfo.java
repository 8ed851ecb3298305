// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * Exposure specifics: who is hurt when it breaks.
 *
 * @param type {@code dashboard}, {@code notebook}, {@code analysis}, {@code ml} or {@code application}
 * @param ownerName the owner's name, when given
 * @param ownerEmail the owner's email, when given
 * @param maturity {@code low}, {@code medium} or {@code high}, when given
 * @param url where the exposure lives, when given
 * @param label the display label, when given
 */
public record ExposureInfo(
        String type,
        Optional<String> ownerName,
        Optional<String> ownerEmail,
        Optional<String> maturity,
        Optional<String> url,
        Optional<String> label) {

    public ExposureInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(maturity, "maturity");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(label, "label");
    }
}
