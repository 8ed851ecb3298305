// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.status.Durations;
import dev.dbtrescue.graph.status.ProjectStatus;
import java.util.Optional;

/** Hover text for an item: what it is, its status with age, and how long it took. Pure. */
final class Tooltips {

    private Tooltips() {}

    static String of(ProjectSession session, LineageLayout layout, int item) {
        Projection projection = layout.projection();
        Optional<String> group = projection.group(item);
        if (group.isPresent()) {
            return group.get() + "\n" + projection.members(item).length + " resources, worst status "
                    + layout.status()[item].label() + "\nDouble-click to expand";
        }
        Node node = projection.graph().nodeAt(projection.nodeOf(item));
        ProjectStatus status = session.project().status();
        StringBuilder text = new StringBuilder(node.displayName())
                .append('\n')
                .append(node.type().dbtName())
                .append(node.materialized().map(m -> " · " + m).orElse(""))
                .append('\n')
                .append(layout.status()[item].label());
        status.age(node.id())
                .ifPresent(
                        age -> text.append(" · ").append(Durations.format(age)).append(" ago"));
        Optional<NodeResult> result = status.lastResult(node.id());
        result.ifPresent(r -> text.append("\nran in ").append(Durations.format(r.executionTime())));
        String badge = layout.badges()[item];
        if (!badge.isEmpty()) {
            text.append("\ntests ").append(badge);
        }
        return text.toString();
    }
}
