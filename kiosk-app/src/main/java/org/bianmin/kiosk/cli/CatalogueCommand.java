package org.bianmin.kiosk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.catalogue.ApplyResult;
import org.bianmin.cache.catalogue.CatalogueSignature;
import org.bianmin.cache.catalogue.RollbackResult;
import org.bianmin.cache.search.SearchHit;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueException;
import org.bianmin.protocol.catalogue.CatalogueReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "catalogue", description = "Work with service catalogues.", mixinStandardHelpOptions = true,
        subcommands = {CatalogueCommand.Validate.class, CatalogueCommand.Import.class, CatalogueCommand.Search.class,
                CatalogueCommand.Rollback.class,
                CatalogueSignCommand.class, CataloguePublishCommand.class})
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

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Validate a catalogue file and make it the kiosk's current catalogue.",
                    "The version before is kept for rollback; an older version is refused.",
                    "Exit code 0 applied (or already current), 1 invalid, 2 refused."})
    static final class Import implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            Catalogue catalogue;
            try {
                catalogue = new CatalogueReader().read(file);
            } catch (CatalogueException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            try (OfflineCache cache = CacheAccess.open(dataDir)) {
                ApplyResult result = cache.catalogue().apply(catalogue, CatalogueSignature.UNSIGNED);
                String detail = "catalogue version " + catalogue.version() + " from file";
                cache.audit().append(CacheAccess.technician(), "CATALOGUE_IMPORT",
                        result instanceof ApplyResult.Refused ? Outcome.DENIED : Outcome.SUCCESS, detail);
                return switch (result) {
                    case ApplyResult.Applied a -> {
                        System.out.printf("imported: version %d is current (%d items); %s%n", a.version(),
                                catalogue.items().size(), a.previous() == 0 ? "no earlier version to roll back to"
                                        : "version " + a.previous() + " kept for rollback");
                        yield 0;
                    }
                    case ApplyResult.AlreadyCurrent a -> {
                        System.out.printf("version %d is already current%n", a.version());
                        yield 0;
                    }
                    case ApplyResult.OlderThanCurrent o -> {
                        System.err.printf("refused: version %d is older than the current version %d%n", o.offered(),
                                o.current());
                        yield 2;
                    }
                    case ApplyResult.RolledBackEarlier r -> {
                        System.err.printf("refused: version %d was rolled back; import a newer version%n", r.version());
                        yield 2;
                    }
                };
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Search the current catalogue as the kiosk does: characters, full pinyin, initials,",
                    "Traditional or Simplified. Exit code 0, or 3 when no catalogue is imported."})
    static final class Search implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Option(names = "--limit", defaultValue = "10", description = "Most results shown (default ${DEFAULT-VALUE}).")
        int limit;

        @Parameters(paramLabel = "QUERY")
        String query;

        @Override
        public Integer call() throws Exception {
            try (OfflineCache cache = CacheAccess.open(dataDir)) {
                if (cache.catalogue().current().isEmpty()) {
                    System.err.println("no catalogue: run 'kioskctl catalogue import FILE' first");
                    return 3;
                }
                List<SearchHit> hits = cache.search().search(query, limit);
                for (SearchHit hit : hits) {
                    System.out.printf("%-9s %-36s %s  (%s)%n", hit.kind(), hit.item().code(), hit.item().name(),
                            hit.matchedText());
                }
                System.out.printf("%d result(s)%n", hits.size());
                return 0;
            }
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = {"Drop the current catalogue version and serve the previous one again.",
                    "The dropped version is refused if offered again. Exit code 0 rolled back, 2 nothing to roll back."})
    static final class Rollback implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() throws Exception {
            try (OfflineCache cache = CacheAccess.open(dataDir)) {
                RollbackResult result = cache.catalogue().rollback();
                return switch (result) {
                    case RollbackResult.RolledBack r -> {
                        cache.audit().append(CacheAccess.technician(), "CATALOGUE_ROLLBACK", Outcome.SUCCESS,
                                "catalogue version " + r.from() + " -> " + r.to());
                        System.out.printf("rolled back: version %d dropped, version %d is current%n", r.from(), r.to());
                        yield 0;
                    }
                    case RollbackResult.NothingToRollBack n -> {
                        System.err.println("nothing to roll back: no previous version is kept");
                        yield 2;
                    }
                };
            }
        }
    }
}
