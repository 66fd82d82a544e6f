package org.bianmin.kiosk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueException;
import org.bianmin.protocol.catalogue.CatalogueReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "catalogue", description = "Work with service catalogues.", mixinStandardHelpOptions = true,
        subcommands = {CatalogueCommand.Validate.class, CatalogueSignCommand.class, CataloguePublishCommand.class})
final class CatalogueCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a catalogue file against the schema and the semantic rules.",
                    "Every error names the item and the field. Exit code 0 valid, 1 invalid."})
    static final class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            try {
                Catalogue c = new CatalogueReader().read(file);
                System.out.printf("valid: version %d, %d departments, %d items (%d kiosk-handleable)%n",
                        c.version(), c.departments().size(), c.items().size(),
                        c.items().stream().filter(i -> i.kioskHandleable()).count());
                return 0;
            } catch (CatalogueException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }
}
