package org.bianmin.kiosk.cli;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bianmin.cache.OfflineCache;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.selfcheck.CheckResult;
import org.bianmin.kiosk.selfcheck.Probes;
import org.bianmin.kiosk.selfcheck.SelfCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = "Run the kiosk's start-up self-check and print each result; exit 1 if any check fails.")
final class SelfCheckCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Override
    public Integer call() throws Exception {
        DataDirectory dir = dataDir.resolve().ensureExists();
        KioskConfig config;
        try {
            config = new ConfigStore(dir.config()).loadOrCreate();
        } catch (ConfigStore.ConfigException e) {
            System.out.println(CheckResult.fail("config", e.getMessage(), Set.of()).line());
            return 1;
        }
        List<CheckResult> results;
        try (OfflineCache cache = CacheAccess.open(dataDir)) {
            results = new SelfCheck(dir, config, cache, Clock.systemDefaultZone(), Probes.system()).run();
        }
        System.out.println(CheckResult.pass("config", dir.config().toString()).line());
        results.forEach(r -> System.out.println(r.line()));
        long failed = results.stream().filter(r -> r.status() == CheckResult.Status.FAIL).count();
        long warned = results.stream().filter(r -> r.status() == CheckResult.Status.WARN).count();
        int total = results.size() + 1;
        System.out.println(failed == 0
                ? "self-check: no failure in " + total + " checks (" + warned + (warned == 1 ? " warning)" : " warnings)")
                : "self-check: " + failed + " of " + total + " checks FAILED; out of service: "
                        + SelfCheck.disabled(results));
        return failed == 0 ? 0 : 1;
    }
}
