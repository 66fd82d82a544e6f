package org.bianmin.kiosk.journey;

import java.util.function.Function;
import org.bianmin.cache.sync.EidCheck;

/**
 * Identification by e-ID code (电子身份证 / 亮证): offered when the kiosk has a scanner; only the portal can tell
 * whose a code is, so {@code verify} asks it (blocking, never on the FX thread).
 */
public record EidCodes(boolean offered, Function<String, EidCheck> verify) {

    /** A kiosk without a portal credential still explains why the code cannot be used. */
    public static EidCodes withoutPortal(boolean offered) {
        return new EidCodes(offered, token -> new EidCheck.Unavailable("no portal credential"));
    }
}
