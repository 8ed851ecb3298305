// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** The dialog that shows an unknown SSH host's key fingerprint and asks whether to trust it. */
public final class HostKeyDialog {

    private HostKeyDialog() {}

    /** Shows the question and waits (FX thread); true if the user trusts the key. */
    public static boolean trust(@Nullable Window owner, HostKeyQuestions.Question question) {
        var trust = new ButtonType("Trust and connect", ButtonBar.ButtonData.OK_DONE);
        var refuse = new ButtonType("Refuse", ButtonBar.ButtonData.CANCEL_CLOSE);
        var alert = new Alert(Alert.AlertType.WARNING, question.message(), trust, refuse);
        alert.setHeaderText("Unknown SSH host: " + question.host());
        alert.initOwner(owner);
        alert.getDialogPane().lookupButton(trust).setId("trust-host-key");
        return alert.showAndWait().filter(trust::equals).isPresent();
    }
}
