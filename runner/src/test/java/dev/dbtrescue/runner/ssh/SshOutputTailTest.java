// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SshOutputTailTest {

    @Test
    void keepsTheLast2048BytesWhateverTheWriteSizes() {
        StringBuilder all = new StringBuilder();
        OutputTail tail = new OutputTail();
        for (int i = 0; i < 700; i++) {
            String piece = "line " + i + "\n";
            all.append(piece);
            byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
            if (i % 2 == 0) {
                tail.write(bytes, 0, bytes.length);
            } else {
                for (byte b : bytes) {
                    tail.write(b);
                }
            }
        }
        byte[] big = "x".repeat(3000).getBytes(StandardCharsets.UTF_8);
        tail.write(big, 0, 10);
        all.append("x".repeat(10));
        assertEquals(all.substring(all.length() - 2048).strip(), tail.text());
    }

    @Test
    void aWriteLargerThanTheTailKeepsItsEnd() {
        OutputTail tail = new OutputTail();
        tail.write("ab".getBytes(StandardCharsets.UTF_8), 0, 2);
        byte[] big = ("y".repeat(3000) + "end").getBytes(StandardCharsets.UTF_8);
        tail.write(big, 0, big.length);
        assertEquals("y".repeat(2045) + "end", tail.text());
    }
}
