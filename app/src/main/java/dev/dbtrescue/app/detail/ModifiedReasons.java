// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.select.SelectorSyntaxException;
import dev.dbtrescue.graph.select.StateReason;
import java.util.List;

/**
 * Why a node is {@code state:modified} against the session's state manifest, as one line. The first call compares the
 * whole project with the state (slow on large projects; the session's evaluator keeps the result), so call it off the
 * FX thread.
 */
final class ModifiedReasons {

    static final String NO_STATE = "no state chosen: open a state folder to see what changed against it";

    private ModifiedReasons() {}

    /**
     * @return {@code modified: body changed; macro changed: macro.shop.to_usd}, {@code new: not in the state
     *     manifest}, {@code unchanged against the state manifest}, or {@link #NO_STATE}
     */
    static String describe(ProjectSession session, NodeId id) {
        List<StateReason> reasons;
        try {
            reasons = session.evaluator().stateReasons(id);
        } catch (SelectorSyntaxException e) {
            return NO_STATE; // thrown only when the session has no state manifest
        }
        String against = session.stateOrigin().map(o -> " (" + o + ")").orElse("");
        if (reasons.isEmpty()) {
            return "unchanged against the state manifest" + against;
        }
        if (reasons.stream().anyMatch(r -> r.kind() == StateReason.Kind.NEW)) {
            return "new: not in the state manifest" + against;
        }
        return "modified: "
                + String.join("; ", reasons.stream().map(StateReason::describe).toList());
    }
}
