// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ProgressIndicator;

/**
 * Busy spinners that cost nothing while hidden. An indeterminate {@link ProgressIndicator} keeps its animation running
 * when it is merely made invisible: the window then redraws the spinner's area on every pulse, sixty times a second,
 * for as long as it is open (measured: a hidden plan spinner kept the renderer busy through a whole benchmark). So the
 * spinner is indeterminate only while shown.
 */
public final class Spinners {

    private Spinners() {}

    /** A spinner shown, and animated, only while {@code busy} holds. */
    public static ProgressIndicator whileBusy(ObservableBooleanValue busy) {
        var spinner = new ProgressIndicator();
        spinner.visibleProperty().bind(busy);
        spinner.progressProperty()
                .bind(Bindings.when(busy)
                        .then(ProgressIndicator.INDETERMINATE_PROGRESS)
                        .otherwise(0.0));
        return spinner;
    }
}
