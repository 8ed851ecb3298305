// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.select.SelectorEvaluator;
import dev.dbtrescue.graph.select.SelectorSyntaxException;
import dev.dbtrescue.graph.select.StateReason;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why a node is {@code state:modified} against the session's state manifest, as one line. Building the evaluator and
 * comparing with the state is slow on large projects, so call this off the FX thread; the evaluator is built once per
 * session and shared by later calls.
 */
final class ModifiedReasons {

    static final String NO_STATE = "no state chosen: open a state folder to see what changed against it";

    private final ProjectSession session;
    private @Nullable SelectorEvaluator evaluator; // guarded by this

    ModifiedReasons(ProjectSession session) {
        this.session = session;
    }

    /** The session this was built for. */
    ProjectSession session() {
        return session;
    }

    /**
     * @return {@code modified: body changed; macro changed: macro.shop.to_usd}, {@code new: not in the state
     *     manifest}, {@code unchanged against the state manifest}, or {@link #NO_STATE}
     */
    String describe(NodeId id) {
        if (!session.hasStateManifest()) {
            return NO_STATE;
        }
        List<StateReason> reasons;
        try {
            reasons = evaluator().stateReasons(id);
        } catch (SelectorSyntaxException e) {
            return NO_STATE; // only thrown without a state manifest, checked above
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

    private synchronized SelectorEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = new SelectorEvaluator(
                    session.project().graph(), session.project().artifacts().manifest(), session.state());
        }
        return evaluator;
    }
}
