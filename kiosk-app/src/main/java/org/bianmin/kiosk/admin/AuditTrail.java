package org.bianmin.kiosk.admin;

import org.bianmin.cache.audit.Actor;
import org.bianmin.cache.audit.Outcome;

/** Where admin events go: the kiosk's audit log, written off the FX thread. Never a PIN or personal data. */
@FunctionalInterface
public interface AuditTrail {

    void record(Actor actor, String event, Outcome outcome, String detail);
}
