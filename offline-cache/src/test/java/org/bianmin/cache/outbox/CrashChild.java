package org.bianmin.cache.outbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.bianmin.cache.crypto.KeyVault;
import org.bianmin.cache.crypto.PayloadCipher;
import org.bianmin.cache.db.Database;

/**
 * The process {@link OutboxCrashTest} kills with SIGKILL. {@code enqueue DIR}: enqueue forever, printing each
 * receipt once it is accepted. {@code deliver DIR REMOTE}: deliver everything due to a simulated portal that
 * appends (and fsyncs) every received key and receipt to REMOTE, then print DONE.
 */
public final class CrashChild {

    private CrashChild() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        Clock clock = Clock.systemUTC();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Database db = Database.open(dir.resolve("kiosk.db"), clock, a -> out.println("ALERT " + a))) {
            Outbox outbox = new Outbox(db, new PayloadCipher(KeyVault.openOrCreate(dir, new SecureRandom()),
                    new SecureRandom()), "CRASH-01", ZoneId.of("Asia/Shanghai"), clock, Backoff.DEFAULT,
                    new SplittableRandom(), Outbox.DEFAULT_RETENTION);
            if (args[0].equals("enqueue")) {
                out.println("READY");
                for (long n = 0; ; n++) {
                    Accepted a = outbox.enqueue(new NewSubmission(SubmissionKind.APPLICATION, "ITEM" + n % 7,
                            OutboxTest.PAYLOAD));
                    out.println("ACCEPTED " + a.idempotencyKey() + " " + a.receiptNumber());
                }
            }
            try (FileChannel remote = FileChannel.open(Path.of(args[2]), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, s -> {
                    try {
                        remote.write(ByteBuffer.wrap((s.idempotencyKey() + " " + s.receiptNumber() + "\n")
                                .getBytes(StandardCharsets.US_ASCII)));
                        remote.force(false);
                    } catch (IOException e) {
                        return new DeliveryResult.TransientFailure("remote log: " + e.getMessage());
                    }
                    if (s.attempt() == 1 && Math.floorMod(s.idempotencyKey().hashCode(), 3) == 0) {
                        // Stored, but the answer is lost: the entry waits for its backoff, the ones behind it go on.
                        out.println("LOST " + s.idempotencyKey());
                        return new DeliveryResult.TransientFailure("answer lost");
                    }
                    out.println("SENT " + s.idempotencyKey());
                    return new DeliveryResult.Delivered();
                }, clock);
                out.println("READY");
                dispatcher.deliverDue();
                out.println("DONE");
            }
        }
    }
}
