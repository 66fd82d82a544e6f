package org.bianmin.kiosk.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The hidden admin entry's settings in {@code config.json} ({@code "admin": {…}}): one PIN per role, stored only as
 * a salted hash ({@code kioskctl pin set --role R} writes it), and how long a console may sit untouched.
 * A role without a PIN cannot be entered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdminConfig(StoredPin technicianPin, StoredPin operatorPin, int idleSeconds) {

    public static final int DEFAULT_IDLE_SECONDS = 120;

    public static AdminConfig defaults() {
        return new AdminConfig(null, null, DEFAULT_IDLE_SECONDS);
    }

    public AdminConfig withTechnicianPin(StoredPin pin) {
        return new AdminConfig(pin, operatorPin, idleSeconds);
    }

    public AdminConfig withOperatorPin(StoredPin pin) {
        return new AdminConfig(technicianPin, pin, idleSeconds);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (idleSeconds < 30 || idleSeconds > 3600) {
            problems.add("admin.idleSeconds: 30 to 3600, was " + idleSeconds);
        }
        if (technicianPin != null) {
            technicianPin.problems().forEach(p -> problems.add("admin.technicianPin: " + p));
        }
        if (operatorPin != null) {
            operatorPin.problems().forEach(p -> problems.add("admin.operatorPin: " + p));
        }
        return problems;
    }

    /**
     * A PIN as PBKDF2 output: {@code algorithm} names the JDK SecretKeyFactory algorithm, {@code salt} and
     * {@code hash} are base64. The PIN itself is never stored.
     */
    public record StoredPin(String algorithm, int iterations, String salt, String hash) {

        /** Below this a 6-digit PIN falls to an offline guess of every value in seconds. */
        public static final int MIN_ITERATIONS = 100_000;
        /** Above this one PIN check takes minutes on a kiosk's CPU: the staff entry would hang, not resist guessing. */
        public static final int MAX_ITERATIONS = 10_000_000;

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (!"PBKDF2WithHmacSHA256".equals(algorithm) && !"PBKDF2WithHmacSHA512".equals(algorithm)) {
                problems.add("algorithm PBKDF2WithHmacSHA256 or PBKDF2WithHmacSHA512 expected, was " + algorithm);
            }
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
                problems.add(MIN_ITERATIONS + " to " + MAX_ITERATIONS + " iterations, was " + iterations);
            }
            if (salt == null || salt.isBlank() || hash == null || hash.isBlank()) {
                problems.add("salt and hash are required: set the PIN with 'kioskctl pin set'");
            }
            return problems;
        }
    }
}
