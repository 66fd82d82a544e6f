package org.bianmin.device.a4;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bianmin.device.status.SupplyLevel;

/**
 * What an IPP printer said about itself (Get-Printer-Attributes, RFC 8011 §5.4): {@code printer-state},
 * {@code printer-state-reasons} as sent (with their {@code -error}/{@code -warning}/{@code -report} suffixes),
 * whether it accepts jobs and which document formats it takes.
 */
public record A4Status(State state, Set<String> reasons, String message, boolean acceptingJobs,
                       List<String> formats) {

    public static final String PDF = "application/pdf";
    public static final String PWG_RASTER = "image/pwg-raster";

    public enum State { IDLE, PROCESSING, STOPPED }

    /** Why the printer cannot take a job now; each is something a person fixes at the machine, or OFFLINE. */
    public enum Refusal {
        PAPER_OUT, PAPER_JAM, DOOR_OPEN, TONER_OUT, OFFLINE, STOPPED, NOT_ACCEPTING
    }

    public A4Status {
        Objects.requireNonNull(state, "state");
        reasons = Set.copyOf(reasons);
        Objects.requireNonNull(message, "message");
        formats = List.copyOf(formats);
    }

    /**
     * The reasons that stop printing, without suffix: a bare keyword or one ending {@code -error} (RFC 8011
     * §5.4.12); {@code -warning} and {@code -report} do not stop it, {@code none} is no reason.
     */
    public Set<String> errors() {
        return reasons.stream().map(r -> r.toLowerCase(Locale.ROOT))
                .filter(r -> !r.endsWith("-warning") && !r.endsWith("-report") && !r.equals("none"))
                .map(r -> r.endsWith("-error") ? r.substring(0, r.length() - "-error".length()) : r)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a reason is present at any severity ({@code media-low} and {@code media-low-warning} alike). */
    public boolean has(String keyword) {
        return reasons.stream().map(r -> r.toLowerCase(Locale.ROOT))
                .anyMatch(r -> r.equals(keyword) || r.startsWith(keyword + "-"));
    }

    /** Why no job should be sent now, the first that applies; empty when the printer can print. */
    public Optional<Refusal> refusal() {
        Set<String> e = errors();
        if (e.contains("media-empty") || e.contains("media-needed")) {
            return Optional.of(Refusal.PAPER_OUT);
        }
        if (e.contains("media-jam")) {
            return Optional.of(Refusal.PAPER_JAM);
        }
        if (e.contains("door-open") || e.contains("cover-open") || e.contains("interlock-open")) {
            return Optional.of(Refusal.DOOR_OPEN);
        }
        if (e.contains("toner-empty") || e.contains("marker-supply-empty")) {
            return Optional.of(Refusal.TONER_OUT);
        }
        if (e.contains("offline") || e.contains("shutdown") || e.contains("connecting-to-device")) {
            return Optional.of(Refusal.OFFLINE);
        }
        if (state == State.STOPPED) {
            return Optional.of(Refusal.STOPPED);
        }
        if (!acceptingJobs) {
            return Optional.of(Refusal.NOT_ACCEPTING);
        }
        return Optional.empty();
    }

    public SupplyLevel paper() {
        return has("media-empty") || has("media-needed") ? SupplyLevel.OUT
                : has("media-low") ? SupplyLevel.LOW : SupplyLevel.FULL;
    }

    public SupplyLevel toner() {
        return has("toner-empty") || has("marker-supply-empty") ? SupplyLevel.OUT
                : has("toner-low") || has("marker-supply-low") ? SupplyLevel.LOW : SupplyLevel.FULL;
    }

    public boolean accepts(String format) {
        return formats.stream().anyMatch(f -> f.equalsIgnoreCase(format));
    }
}
