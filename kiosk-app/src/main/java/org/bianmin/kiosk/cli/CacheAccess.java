package org.bianmin.kiosk.cli;

import java.io.IOException;
import java.time.Clock;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.audit.Actor;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.DataDirectory;

/** Opens the kiosk's offline cache for a command, the same way the kiosk does (its config gives the kiosk id). */
final class CacheAccess {

    private CacheAccess() {}

    static OfflineCache open(DataDirOption option) throws IOException, ConfigStore.ConfigException {
        DataDirectory dir = option.resolve().ensureExists();
        String kioskId = new ConfigStore(dir.config()).loadOrCreate().kioskId();
        return OfflineCache.open(dir.root(), dir.database(), OfflineCache.Settings.defaults(kioskId),
                Clock.systemDefaultZone(), alert -> System.err.println("ALERT: " + alert));
    }

    /** The technician running kioskctl, as recorded in the audit log. */
    static Actor technician() {
        return Actor.technician(System.getProperty("user.name", "unknown"));
    }
}
