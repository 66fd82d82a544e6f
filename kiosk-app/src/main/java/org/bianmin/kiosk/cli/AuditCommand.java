package org.bianmin.kiosk.cli;

import java.util.concurrent.Callable;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.audit.AuditRecord;
import org.bianmin.cache.audit.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "The tamper-evident audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Tail.class})
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the hash chain: detects edited, deleted, reordered and truncated records.",
                    "Prints the head hash to compare with a copy kept elsewhere. Exit code 0 intact, 1 broken."})
    static final class Verify implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() throws Exception {
            try (OfflineCache cache = CacheAccess.open(dataDir)) {
                return switch (cache.audit().verify()) {
                    case VerifyResult.Intact ok -> {
                        System.out.printf("intact: %d records, head %s%n", ok.records(), ok.headHash());
                        yield 0;
                    }
                    case VerifyResult.Broken broken -> {
                        System.out.printf("BROKEN at record %d (%s): %s%n", broken.seq(), broken.problem(),
                                broken.explanation());
                        yield 1;
                    }
                };
            }
        }
    }

    @Command(name = "tail", mixinStandardHelpOptions = true, description = "The newest records, oldest first.")
    static final class Tail implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Option(names = {"-n", "--lines"}, defaultValue = "20", description = "How many (default ${DEFAULT-VALUE}).")
        int lines;

        @Override
        public Integer call() throws Exception {
            try (OfflineCache cache = CacheAccess.open(dataDir)) {
                for (AuditRecord r : cache.audit().tail(lines)) {
                    System.out.printf("%6d %s %-15s %-12s %-20s %-8s %s%n", r.seq(), r.at(), r.actor().kind(),
                            r.actor().id(), r.event(), r.outcome(), r.detail());
                }
                return 0;
            }
        }
    }
}
