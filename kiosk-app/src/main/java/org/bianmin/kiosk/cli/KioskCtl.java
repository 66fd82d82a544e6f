package org.bianmin.kiosk.cli;

import org.bianmin.kiosk.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kioskctl}: the technician and operator command line ({@code ./kiosk ctl …}). Each capability adds its
 * commands as a subcommand class here.
 */
@Command(name = "kioskctl",
        mixinStandardHelpOptions = true,
        versionProvider = KioskCtl.VersionProvider.class,
        description = "Bianmin Kiosk technician and operator tool (便民自助终端 运维工具).",
        subcommands = {
                CommandLine.HelpCommand.class,
                ConfigCommand.class,
                CatalogueCommand.class,
                PrintCommand.class,
                PrinterCommand.class,
                A4Command.class,
                ReceiptCommand.class,
                OutboxCommand.class,
                AuditCommand.class,
                KeysCommand.class,
                PinCommand.class,
                DevicesCommand.class, IdCardCommand.class, ScanCommand.class, SimCommand.class,
                SelfCheckCommand.class,
        })
public final class KioskCtl implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line; returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return new CommandLine(new KioskCtl()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kioskctl " + Version.current()};
        }
    }
}
