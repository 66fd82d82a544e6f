package org.bianmin.kiosk.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** The hidden entry's gesture: {@value #TAPS} taps in the corner within {@link #WITHIN}. */
public final class CornerTaps {

    public static final int TAPS = 5;
    public static final Duration WITHIN = Duration.ofSeconds(3);
    /** Side of the square corner area, in pixels from the window's top-left. */
    public static final double CORNER = 90;

    private final Deque<Instant> recent = new ArrayDeque<>();

    /** Records a tap in the corner; true when it completes the gesture (the count then starts again). */
    public boolean tap(Instant at) {
        recent.addLast(at);
        while (Duration.between(recent.peekFirst(), at).compareTo(WITHIN) > 0) {
            recent.removeFirst();
        }
        if (recent.size() >= TAPS) {
            recent.clear();
            return true;
        }
        return false;
    }

    /** A tap elsewhere breaks the sequence, so ordinary use of the screen never adds up to the gesture. */
    public void elsewhere() {
        recent.clear();
    }

    public static boolean inCorner(double sceneX, double sceneY) {
        return sceneX < CORNER && sceneY < CORNER;
    }
}
