package org.bianmin.device.a4;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One IPP operation as the technician's traffic view shows it: the operation, the printer's status code (or why
 * there was none) and how long it took. Holds no attribute values: job names are document numbers.
 *
 * @param operation the IPP operation name ({@code Print-Job}, {@code Get-Job-Attributes}, ...)
 * @param status    the status code's name ({@code successful-ok}, {@code client-error-not-found}) or the
 *                  {@link IppException.Kind} of a call without an answer
 * @param code      the status code, or -1 without an answer
 */
public record IppExchange(Instant at, String operation, String status, int code, Duration took) {

    public IppExchange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(took, "took");
    }

    /** Told about every exchange on the driver's thread: must not block. */
    @FunctionalInterface
    public interface Listener {
        void exchanged(IppExchange exchange);
    }
}
