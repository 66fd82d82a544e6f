package org.bianmin.kiosk.admin;

import java.time.Instant;
import java.time.ZoneId;
import org.bianmin.cache.audit.Actor;
import org.bianmin.cache.audit.Outcome;

/**
 * One login behind the PIN pad, handed to the console that opens: every console action goes through
 * {@link #audit} (as the role's actor), and {@link #logout} ends it like the "退出" button does.
 */
public final class AdminSession {

    private final AdminRole role;
    private final Instant started;
    private final ZoneId zone;
    private final AuditTrail trail;
    private final Runnable logout;

    /** Made by {@link AdminAccess} at login; tests of a console make one directly. */
    public AdminSession(AdminRole role, Instant started, ZoneId zone, AuditTrail trail, Runnable logout) {
        this.role = role;
        this.started = started;
        this.zone = zone;
        this.trail = trail;
        this.logout = logout;
    }

    public AdminRole role() {
        return role;
    }

    public Actor actor() {
        return role.actor();
    }

    public Instant started() {
        return started;
    }

    /** The hall's time zone: consoles show times in it. */
    public ZoneId zone() {
        return zone;
    }

    /** Records a console action; {@code detail} names what changed (ids, versions), never personal data. */
    public void audit(String event, Outcome outcome, String detail) {
        trail.record(actor(), event, outcome, detail);
    }

    public void logout() {
        logout.run();
    }
}
