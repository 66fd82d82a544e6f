package org.bianmin.protocol.api;

/**
 * How a client treats an answer that is not a success: retry later with the same idempotency key (transient) or
 * stop and report (permanent). Connection failures and timeouts count as transient.
 */
public enum FailureClass {
    TRANSIENT, PERMANENT;

    /** 5xx, 408 and 429 are transient; every other 4xx is permanent. Not meant for 2xx/3xx. */
    public static FailureClass of(int status) {
        return status >= 500 || status == 408 || status == 429 ? TRANSIENT : PERMANENT;
    }
}
