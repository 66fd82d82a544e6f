package org.bianmin.kiosk.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.protocol.signing.KeyFile;
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
        List<DeviceConfig> devices,
        String portalToken,
        List<KeyFile> trustedKeys,
        AdminConfig admin) {

    public KioskConfig {
        devices = devices == null ? List.of() : List.copyOf(devices);
        portalToken = portalToken == null ? "" : portalToken;
        trustedKeys = trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
        admin = admin == null ? AdminConfig.defaults() : admin;
    }

    /** A config with the default admin settings: no staff PIN yet. */
    public KioskConfig(String kioskId, URI portalUrl, String language, int idleSeconds, int elderIdleSeconds,
                       int idleCountdownSeconds, List<DeviceConfig> devices, String portalToken,
                       List<KeyFile> trustedKeys) {
        this(kioskId, portalUrl, language, idleSeconds, elderIdleSeconds, idleCountdownSeconds, devices, portalToken,
                trustedKeys, AdminConfig.defaults());
    }

    /** A config with the default (simulated) devices and no portal credential yet. */
    public KioskConfig(String kioskId, URI portalUrl, String language, int idleSeconds, int elderIdleSeconds,
                       int idleCountdownSeconds) {
        this(kioskId, portalUrl, language, idleSeconds, elderIdleSeconds, idleCountdownSeconds,
                DeviceConfig.simulatedDefaults(), "", List.of());
    }

    /** The same config syncing with {@code portal} as {@code token}, trusting {@code keys} for catalogues. */
    public KioskConfig withPortal(URI portal, String token, List<KeyFile> keys) {
        return new KioskConfig(kioskId, portal, language, idleSeconds, elderIdleSeconds, idleCountdownSeconds,
                devices, token, keys, admin);
    }

    /** The same config under another kiosk id, portal and set of trusted catalogue keys (the operator panel's edit). */
    public KioskConfig withIdentity(String id, URI portal, List<KeyFile> keys) {
        return new KioskConfig(id, portal, language, idleSeconds, elderIdleSeconds, idleCountdownSeconds, devices,
                portalToken, keys, admin);
    }

    /** The same config with another device list (the technician console's edit). */
    public KioskConfig withDevices(List<DeviceConfig> next) {
        return new KioskConfig(kioskId, portalUrl, language, idleSeconds, elderIdleSeconds, idleCountdownSeconds,
                next, portalToken, trustedKeys, admin);
    }

    /** The same config with other admin-entry settings (PINs, console idle time). */
    public KioskConfig withAdmin(AdminConfig settings) {
        return new KioskConfig(kioskId, portalUrl, language, idleSeconds, elderIdleSeconds, idleCountdownSeconds,
                devices, portalToken, trustedKeys, settings);
    }

    /** Sync runs only with a credential; without one the kiosk works offline and says so in its log. */
    public boolean syncConfigured() {
        return !portalToken.isBlank();
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
        problems.addAll(admin.problems());
        if (syncConfigured() && trustedKeys.isEmpty()) {
            problems.add("trustedKeys: a kiosk that syncs needs at least one trusted catalogue key");
        }
        for (KeyFile key : trustedKeys) {
            if (key.privateKey() != null) {
                problems.add("trustedKeys: key " + key.keyId() + " holds a private key; give the kiosk the public half");
            }
        }
        return problems;
    }
}
