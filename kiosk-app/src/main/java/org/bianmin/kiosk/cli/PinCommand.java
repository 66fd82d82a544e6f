package org.bianmin.kiosk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.kiosk.admin.AdminRole;
import org.bianmin.kiosk.admin.Pins;
import org.bianmin.kiosk.config.AdminConfig;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pin", mixinStandardHelpOptions = true,
        description = "PINs of the kiosk's hidden staff entry (5 taps in the top-left corner).",
        subcommands = {PinCommand.Set.class, PinCommand.Status.class})
final class PinCommand {

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Set a role's PIN: asked twice (from the terminal without echo, else two lines on stdin).",
                    "6 to 12 digits, not one repeated digit or a run, not the other role's PIN. Only a salted",
                    "PBKDF2 hash is written to config.json. A running kiosk uses it at the next attempt.",
                    "Exit code 0 set, 1 refused (mismatch or weak PIN), 3 invalid config."})
    static final class Set implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "technician or operator.")
        AdminRole role;

        @Override
        public Integer call() throws Exception {
            DataDirectory dir = dataDir.resolve().ensureExists();
            ConfigStore store = new ConfigStore(dir.config());
            KioskConfig config;
            try {
                config = store.loadOrCreate();
            } catch (ConfigStore.ConfigException e) {
                System.err.println(e.getMessage());
                return 3;
            }
            char[] pin = null;
            char[] again = null;
            try (PinReader reader = PinReader.open()) {
                pin = reader.read("New " + role.name().toLowerCase() + " PIN: ");
                again = reader.read("Repeat it: ");
                Optional<String> problem = problem(pin, again, config.admin());
                if (problem.isPresent()) {
                    System.err.println("refused: " + problem.get() + "; nothing changed");
                    return 1;
                }
                store.save(config.withAdmin(role.withPin(config.admin(), Pins.hash(pin, new SecureRandom()))));
            } finally {
                wipe(pin);
                wipe(again);
            }
            try (OfflineCache cache = CacheAccess.open(dataDir)) {
                cache.audit().append(CacheAccess.technician(), "admin.pin.set", Outcome.SUCCESS,
                        role.name().toLowerCase() + " PIN changed");
            }
            System.out.printf("%s PIN set in %s%n", role.name().toLowerCase(), dir.config());
            return 0;
        }

        private Optional<String> problem(char[] pin, char[] again, AdminConfig admin) {
            if (pin == null || again == null) {
                return Optional.of("no PIN given");
            }
            if (!Arrays.equals(pin, again)) {
                return Optional.of("the two entries differ");
            }
            return Pins.problem(pin).or(() -> Arrays.stream(AdminRole.values())
                    .filter(r -> r != role && Pins.matches(pin, r.pin(admin))).findFirst().map(r -> "that is the " + r.name().toLowerCase() + " PIN; each role needs its own"));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Which roles have a PIN (a role without one cannot enter). Exit code 0, 3 invalid config.")
    static final class Status implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() throws Exception {
            try {
                AdminConfig admin = new ConfigStore(dataDir.resolve().ensureExists().config()).loadOrCreate().admin();
                for (AdminRole role : AdminRole.values()) {
                    System.out.printf("%-10s %s%n", role.name().toLowerCase(), role.pin(admin) == null
                            ? "no PIN: cannot enter (kioskctl pin set --role " + role.name().toLowerCase() + ")"
                            : "PIN set");
                }
                System.out.printf("console idle logout after %d s%n", admin.idleSeconds());
                return 0;
            } catch (ConfigStore.ConfigException e) {
                System.err.println(e.getMessage());
                return 3;
            }
        }
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    /** The terminal without echo when there is one, else standard input (scripts, installers, tests). */
    private interface PinReader extends AutoCloseable {

        /** The next PIN, or null at the end of input. */
        char[] read(String prompt) throws IOException;

        @Override
        default void close() {}

        static PinReader open() {
            Console console = System.console();
            if (console != null && console.isTerminal()) {
                return console::readPassword;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return prompt -> {
                String line = in.readLine();
                return line == null ? null : line.strip().toCharArray();
            };
        }
    }
}
