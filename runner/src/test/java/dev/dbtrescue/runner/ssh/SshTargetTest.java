// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SshTargetTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "|", nullValues = "-", textBlock = """
            analytics                 | analytics   | -        | -
            db.example.com            | db.example.com | -     | -
            deploy@db.example.com     | db.example.com | deploy | -
            db.example.com:2222       | db.example.com | -     | 2222
            deploy@db:2222            | db          | deploy   | 2222
            '  deploy@db:22  '        | db          | deploy   | 22
            ci@corp.com@bastion       | bastion     | ci@corp.com | -
            ::1                       | ::1         | -        | -
            [::1]                     | ::1         | -        | -
            root@[fe80::1]:2200       | fe80::1     | root     | 2200
            127.0.0.1:65535           | 127.0.0.1   | -        | 65535
            """)
    void destinationsSplitIntoHostUserAndPort(String text, String host, String user, Integer port) {
        SshTarget expected = new SshTarget(
                host, Optional.ofNullable(user), port == null ? OptionalInt.empty() : OptionalInt.of(port));
        assertEquals(expected, SshTarget.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            @db                | the user before @ is empty
            db:ssh             | the port 'ssh' is not a number
            db:0               | the port must be 1 to 65535, was 0
            db:65536           | the port must be 1 to 65535, was 65536
            [::1               | an IPv6 address needs a closing ]
            [::1]2222          | expected :port after ]
            """)
    void malformedDestinationsAreRejectedWithTheReason(String text, String reason) {
        var e = assertThrows(IllegalArgumentException.class, () -> SshTarget.parse(text));
        assertEquals("'" + text + "': " + reason, e.getMessage());
    }

    @Test
    void blankDestinationIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("   "));
        assertEquals("the SSH host is empty: give a Host alias or user@host[:port]", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            analytics
            deploy@db.example.com:2222
            root@[fe80::1]:2200
            [::1]
            """)
    void printedDestinationParsesBackToTheSameTarget(String text) {
        SshTarget target = SshTarget.parse(text);
        assertEquals(target, SshTarget.parse(target.toString()));
    }
}
