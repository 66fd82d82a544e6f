package org.bianmin.kiosk.app;

import java.io.IOException;
import javafx.application.Application;
import org.bianmin.kiosk.config.DataDirectory;
import picocli.CommandLine;

/**
 * Entry point. Kept apart from {@link KioskApplication} so the JavaFX runtime can be loaded from the classpath,
 * and so logging is set up before the first logger exists.
 */
public final class KioskLauncher {

    private KioskLauncher() {}

    public static void main(String[] args) throws IOException {
        launch(KioskApplication.class, false, args);
    }

    /**
     * Parses the options, sets up logging (a rotating file for a production kiosk, the console for a development
     * run: {@code development} or {@code --windowed}) and launches {@code application}.
     */
    public static void launch(Class<? extends KioskApplication> application, boolean development, String... args)
            throws IOException {
        KioskOptions options = new KioskOptions();
        try {
            // Parse once: picocli toggles a boolean flag whose field is already true.
            if (CommandLine.printHelpIfRequested(new CommandLine(options).parseArgs(args))) {
                return;
            }
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        DataDirectory data = options.dataDirectory().ensureExists();
        System.setProperty("kiosk.log.dir", data.logs().toString());
        if (!development && options.production()) {
            System.setProperty("logback.configurationFile", "logback-production.xml");
        }
        Application.launch(application, args);
    }
}
