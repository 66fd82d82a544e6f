package org.bianmin.kiosk.admin;

import org.bianmin.cache.audit.Actor;
import org.bianmin.kiosk.config.AdminConfig;

/** Who may open a console behind the hidden entry; each role has its own PIN, and the PIN says which role it is. */
public enum AdminRole {
    TECHNICIAN,
    OPERATOR;

    /** Audit id: the kiosk has no personal accounts, the role's PIN is the credential. */
    private static final String ACTOR_ID = "pin";

    public AdminConfig.StoredPin pin(AdminConfig config) {
        return switch (this) {
            case TECHNICIAN -> config.technicianPin();
            case OPERATOR -> config.operatorPin();
        };
    }

    public AdminConfig withPin(AdminConfig config, AdminConfig.StoredPin pin) {
        return switch (this) {
            case TECHNICIAN -> config.withTechnicianPin(pin);
            case OPERATOR -> config.withOperatorPin(pin);
        };
    }

    public Actor actor() {
        return switch (this) {
            case TECHNICIAN -> Actor.technician(ACTOR_ID);
            case OPERATOR -> Actor.operator(ACTOR_ID);
        };
    }
}
