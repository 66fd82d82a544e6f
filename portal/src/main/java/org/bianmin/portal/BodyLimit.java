package org.bianmin.portal;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import org.bianmin.protocol.api.ProblemType;

/**
 * How large a request body each route accepts, sized to what the route legitimately carries with ample headroom.
 * A larger body is refused with {@code 413 payload-too-large} — by its Content-Length before anything is read, or,
 * for a chunked body, as soon as the limit is passed; at most limit + 1 bytes are ever held in memory.
 *
 * <p>Before answering 413 the rest of the body is read and thrown away, up to {@value #DRAIN_BYTES} bytes: a
 * server that closes while the client is still writing resets the connection, and the client sees a broken
 * connection (which a kiosk retries) instead of the 413 (which it must not). A body larger still is cut off.
 */
enum BodyLimit {
    /** Kiosk list registration, revocation, holder lookups, e-ID verification: a few short fields. */
    SMALL(4 * 1024),
    /** Ratings, advancing a submission, test e-ID identities, the operator page's form. */
    FORM(16 * 1024),
    /** Heartbeats: at most a few dozen alerts, checks and devices (an 8 MB heartbeat was once stored). */
    HEARTBEAT(64 * 1024),
    /** A citizen's application: the form's fields as text. */
    SUBMISSION(1024 * 1024),
    /** A catalogue publish: 10,000 items travel base64-encoded inside the request. */
    PUBLISH(64 * 1024 * 1024);

    /** How much of a refused body is read and discarded so that the refusal reaches its sender. */
    static final int DRAIN_BYTES = 1024 * 1024;

    private final int bytes;

    BodyLimit(int bytes) {
        this.bytes = bytes;
    }

    int bytes() {
        return bytes;
    }

    /** The whole body, or {@code 413} once it is larger than this limit. */
    byte[] read(Context ctx) {
        long declared = ctx.contentLength();
        try (InputStream in = ctx.bodyInputStream()) {
            if (declared > bytes) {
                if (declared - bytes <= DRAIN_BYTES) {
                    drain(in);
                }
                throw tooLarge();
            }
            byte[] body = in.readNBytes(bytes + 1);
            if (body.length > bytes) {
                drain(in);
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "request body could not be read");
        }
    }

    /** Reads and discards up to bytes + {@link #DRAIN_BYTES}, or to the body's end. */
    private void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = (long) bytes + DRAIN_BYTES;
        for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0; ) {
            left -= n;
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "at most " + bytes + " bytes for this route");
    }
}
