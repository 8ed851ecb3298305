// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An artifact could not be used. The message always names the file, says what is wrong (and where, when a field is
 * at fault) and what to do, so it can be shown to a user as it is.
 */
public final class ArtifactException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;
    private final String hint;

    /**
     * @param file the file at fault, as the user named it
     * @param problem what is wrong, one sentence without trailing period
     * @param hint what to do about it, one sentence without trailing period
     */
    public ArtifactException(Path file, String problem, String hint) {
        this(file.toString(), problem, hint, null);
    }

    /** As {@link #ArtifactException(Path, String, String)}, keeping the low-level cause for diagnostics. */
    public ArtifactException(Path file, String problem, String hint, @Nullable Throwable cause) {
        this(file.toString(), problem, hint, cause);
    }

    /** As {@link #ArtifactException(Path, String, String)}, for inputs that are not files (streams, folders). */
    public ArtifactException(String file, String problem, String hint, @Nullable Throwable cause) {
        super(file + ": " + problem + ". " + hint + ".", cause);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /** The file at fault. */
    public String file() {
        return file;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    /** What to do. */
    public String hint() {
        return hint;
    }
}
