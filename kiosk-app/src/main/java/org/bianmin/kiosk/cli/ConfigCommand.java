package org.bianmin.kiosk.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.bianmin.kiosk.config.ConfigStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "config", description = "Show the kiosk's config file (created with defaults if missing).",
        mixinStandardHelpOptions = true)
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Override
    public Integer call() throws Exception {
        var dir = dataDir.resolve().ensureExists();
        try {
            new ConfigStore(dir.config()).loadOrCreate();
        } catch (ConfigStore.ConfigException e) {
            System.err.println(e.getMessage());
            return 3;
        }
        System.out.println("# " + dir.config());
        System.out.print(Files.readString(dir.config()));
        return 0;
    }
}
