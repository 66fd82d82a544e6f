package org.bianmin.kiosk.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.device.config.DeviceConfig;

/**
 * The kiosk's JSON config ({@code config.json} in the data directory). Missing fields take the defaults of
 * {@link #defaults()}; {@link #problems()} lists invalid values by field name.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record KioskConfig(
        String kioskId,
        URI portalUrl,
        String language,
        int idleSeconds,
        int elderIdleSeconds,
        int idleCountdownSeconds,
        List<DeviceConfig> devices) {

    /** A config with the default (simulated) devices. */
    public KioskConfig(String kioskId, URI portalUrl, String language, int idleSeconds, int elderIdleSeconds,
                       int idleCountdownSeconds) {
        this(kioskId, portalUrl, language, idleSeconds, elderIdleSeconds, idleCountdownSeconds,
                DeviceConfig.simulatedDefaults());
    }

    /** Defaults run the built-in device simulators: a fresh install and {@code ./kiosk demo} need no hardware. */
    public static KioskConfig defaults() {
        return new KioskConfig("KIOSK-0001", URI.create("http://127.0.0.1:8730/"), "zh-CN", 60, 120, 15);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (kioskId == null || !kioskId.matches("[A-Z0-9-]{4,32}")) {
            problems.add("kioskId: 4-32 characters A-Z, 0-9 or '-', was " + kioskId);
        }
        if (portalUrl == null || !List.of("http", "https").contains(portalUrl.getScheme())) {
            problems.add("portalUrl: an http(s) URL is required, was " + portalUrl);
        }
        if (!List.of("zh-CN", "zh-TW", "en").contains(language)) {
            problems.add("language: one of zh-CN, zh-TW, en, was " + language);
        }
        if (idleSeconds < 15 || elderIdleSeconds < idleSeconds) {
            problems.add("idleSeconds/elderIdleSeconds: at least 15 s, and elder mode not shorter");
        }
        if (idleCountdownSeconds < 5) {
            problems.add("idleCountdownSeconds: at least 5");
        }
        problems.addAll(DeviceConfig.problems(devices));
        return problems;
    }
}
