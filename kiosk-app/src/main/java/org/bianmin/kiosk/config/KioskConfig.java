package org.bianmin.kiosk.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.bianmin.protocol.signing.SigningException;
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

    private static final List<String> LANGUAGES = List.of("zh-CN", "zh-TW", "en");

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

    /** Longest idle time a field accepts: an hour (a longer one leaves a citizen's data on screen for good). */
    static final int MAX_IDLE_SECONDS = 3600;

    /** What is wrong, each problem naming its field; null-safe, as a record built by hand may hold anything. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (kioskId == null || !kioskId.matches("[A-Z0-9-]{4,32}")) {
            problems.add("kioskId: 4-32 characters A-Z, 0-9 or '-', was " + kioskId);
        }
        if (portalUrl == null || !"http".equals(portalUrl.getScheme()) && !"https".equals(portalUrl.getScheme())
                || portalUrl.getHost() == null) {
            problems.add("portalUrl: an absolute http(s) URL with a host is required, was " + portalUrl);
        }
        if (!LANGUAGES.contains(String.valueOf(language))) {
            problems.add("language: one of " + String.join(", ", LANGUAGES) + ", was " + language);
        }
        if (idleSeconds < 15 || idleSeconds > MAX_IDLE_SECONDS) {
            problems.add("idleSeconds: 15 to " + MAX_IDLE_SECONDS + ", was " + idleSeconds);
        }
        if (elderIdleSeconds < idleSeconds || elderIdleSeconds > 2 * MAX_IDLE_SECONDS) {
            problems.add("elderIdleSeconds: not shorter than idleSeconds (" + idleSeconds + ") and at most "
                    + 2 * MAX_IDLE_SECONDS + ", was " + elderIdleSeconds);
        }
        if (idleCountdownSeconds < 5 || idleCountdownSeconds > 300) {
            problems.add("idleCountdownSeconds: 5 to 300, was " + idleCountdownSeconds);
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
            try {
                Ed25519Keys.publicKey(key);
            } catch (SigningException e) {
                problems.add("trustedKeys: " + e.getMessage());
            }
        }
        return problems;
    }
}
