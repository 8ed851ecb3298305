// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

/** A node id was asked for that the graph does not contain. */
public final class UnknownNodeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient NodeId id;

    public UnknownNodeException(NodeId id) {
        super("no node " + id + " in this project's manifest");
        this.id = id;
    }

    /** The id that was not found. */
    public NodeId id() {
        return id;
    }
}
