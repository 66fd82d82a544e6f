package org.bianmin.kiosk.admin;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The consoles installed on this kiosk, by role: the routing contract of the hidden entry. {@code Kiosk} registers
 * one factory per role (OPERATOR: the operator panel; TECHNICIAN: the technician console); a correct PIN for a role
 * with nothing registered is told "not installed on this kiosk". A factory is called at each login with that
 * login's {@link AdminSession} and returns a fresh {@link AdminScreen}.
 */
public final class Consoles {

    private final Map<AdminRole, Function<AdminSession, AdminScreen>> factories = new EnumMap<>(AdminRole.class);

    public void register(AdminRole role, Function<AdminSession, AdminScreen> console) {
        if (factories.putIfAbsent(role, console) != null) {
            throw new IllegalStateException("a console for " + role + " is already registered");
        }
    }

    public boolean installed(AdminRole role) {
        return factories.containsKey(role);
    }

    Optional<AdminScreen> open(AdminSession session) {
        return Optional.ofNullable(factories.get(session.role())).map(f -> f.apply(session));
    }
}
