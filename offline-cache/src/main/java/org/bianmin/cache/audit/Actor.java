package org.bianmin.cache.audit;

/**
 * Who did something. {@code id} is a pseudonymous identifier (a citizen's random session id, an operator's or
 * technician's account name), never a citizen's name or ID number.
 */
public record Actor(Kind kind, String id) {

    public enum Kind { CITIZEN_SESSION, TECHNICIAN, OPERATOR, SYSTEM }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "kiosk");

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id");
        }
    }

    public static Actor citizenSession(String sessionId) {
        return new Actor(Kind.CITIZEN_SESSION, sessionId);
    }

    public static Actor technician(String account) {
        return new Actor(Kind.TECHNICIAN, account);
    }

    public static Actor operator(String account) {
        return new Actor(Kind.OPERATOR, account);
    }
}
