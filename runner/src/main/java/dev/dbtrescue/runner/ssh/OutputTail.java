// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the last bytes written to it: the remote shell's stderr, which the wrapper leaves for the shell's own
 * complaints (dbt's stderr is merged into its stdout). Drains the channel, so a chatty shell can never stall it.
 */
final class OutputTail extends OutputStream {

    private static final int KEEP = 2048;

    private final byte[] buffer = new byte[KEEP];
    private int length;

    @Override
    public synchronized void write(int b) {
        if (length == KEEP) {
            System.arraycopy(buffer, 1, buffer, 0, KEEP - 1);
            length--;
        }
        buffer[length++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (len >= KEEP) {
            System.arraycopy(b, off + len - KEEP, buffer, 0, KEEP);
            length = KEEP;
            return;
        }
        int keep = Math.min(length, KEEP - len);
        System.arraycopy(buffer, length - keep, buffer, 0, keep);
        System.arraycopy(b, off, buffer, keep, len);
        length = keep + len;
    }

    /** What was kept, stripped. */
    synchronized String text() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8).strip();
    }
}
