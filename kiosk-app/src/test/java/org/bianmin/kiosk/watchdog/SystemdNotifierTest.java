package org.bianmin.kiosk.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real systemd-notify, sending to a unix datagram socket that a few lines of Python receive in place of systemd
 * (socat keeps the barrier's file descriptor open, so systemd-notify would wait for it in vain).
 */
class SystemdNotifierTest {

    @TempDir
    Path dir;

    @Test
    void sendsTheAssignmentsAsOneDatagramToTheNotifySocket() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-notify")) || Files.isExecutable(Path.of(
                "/bin/systemd-notify")), "systemd-notify is not installed (package systemd): nothing to test");
        Path socket = dir.resolve("notify");
        Path received = dir.resolve("received");
        Process manager = new ProcessBuilder("python3", "-c", """
                import socket, sys
                s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                s.bind(sys.argv[1])
                with open(sys.argv[2], "a") as out:
                    while True:
                        out.write(s.recv(4096).decode() + "\\n---\\n")
                        out.flush()
                """, socket.toString(), received.toString()).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(20);
            }
            assertThat(socket).as("python3 listens").exists();
            Notifier notifier = SystemdNotifier.fromEnvironment(java.util.Map.of("NOTIFY_SOCKET", socket.toString()));

            notifier.send("READY=1", "STATUS=serving");
            notifier.send("WATCHDOG=1");

            // send() returns only after the barrier: the manager has read both messages by now.
            assertThat(Files.readString(received, StandardCharsets.UTF_8).split("\n---\n"))
                    .containsSubsequence("READY=1\nSTATUS=serving", "WATCHDOG=1");
        } finally {
            manager.destroy();
            manager.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
