package org.bianmin.kiosk.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.bianmin.kiosk.app.Kiosk;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;

/**
 * A child JVM for {@link DemoPortalFilesTest}: assembles the demo kiosk (embedded portal included) on the data
 * directory {@code args[0]}, prints READY, and stops it when a line arrives on stdin (or is killed before).
 */
public final class DemoChild {

    private DemoChild() {}

    public static void main(String[] args) throws Exception {
        DataDirectory data = new DataDirectory(Path.of(args[0])).ensureExists();
        Kiosk kiosk = Kiosk.open(data, KioskConfig.defaults(), Clock.systemUTC(), Runnable::run, DemoEnvironment::start);
        System.out.println("READY");
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        kiosk.close();
        System.out.println("CLOSED");
        System.exit(0);
    }
}
