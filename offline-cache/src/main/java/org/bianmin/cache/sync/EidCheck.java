package org.bianmin.cache.sync;

import org.bianmin.protocol.api.EidIdentity;

/** The answer to "whose e-ID code is this?" at the kiosk. */
public sealed interface EidCheck {

    /** The platform vouches for this holder. */
    record Verified(EidIdentity identity) implements EidCheck {}

    /** The platform refused the code: the citizen refreshes it in the app (or uses the ID card). */
    record Refused(Reason reason) implements EidCheck {}

    /** The portal could not be asked (offline, timeout, server error): only the ID card works now. */
    record Unavailable(String why) implements EidCheck {}

    enum Reason { INVALID, EXPIRED, USED }
}
