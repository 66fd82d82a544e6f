package org.bianmin.kiosk.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.outbox.DeliveryState;
import org.bianmin.cache.outbox.Outbox;
import org.bianmin.cache.outbox.OutboxEntry;
import org.bianmin.cache.outbox.RetryResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "Submissions and ratings waiting for the portal (no personal data is shown).",
        subcommands = {OutboxCommand.Status.class, OutboxCommand.ListEntries.class, OutboxCommand.Retry.class,
                OutboxCommand.RotateKey.class})
final class OutboxCommand {

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Count entries per delivery state.")
    static final class Status implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() throws Exception {
            try (OfflineCache cache = CacheAccess.open(dataDir)) {
                for (Map.Entry<DeliveryState, Long> e : cache.outbox().status().entrySet()) {
                    System.out.printf("%-9s %d%n", e.getKey().name().toLowerCase(), e.getValue());
                }
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Newest entries first: receipt, item, state, attempts, next attempt, last error or reason.")
    static final class ListEntries implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Option(names = "--limit", defaultValue = "20", description = "Most entries shown (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() throws Exception {
            try (OfflineCache cache = CacheAccess.open(dataDir)) {
                System.out.printf("%-6s %-26s %-11s %-24s %-9s %8s  %-24s %s%n", "ID", "RECEIPT", "KIND", "ITEM",
                        "STATE", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR / BLOCKED REASON");
                for (OutboxEntry e : cache.outbox().list(limit)) {
                    String problem = e.state() == DeliveryState.BLOCKED ? "blocked: " + e.blockedReason()
                            : e.lastError() == null ? "" : e.lastError();
                    System.out.printf("%-6d %-26s %-11s %-24s %-9s %8d  %-24s %s%s%n", e.id(), e.receiptNumber(),
                            e.kind(), e.itemCode(), e.state(), e.attempts(),
                            e.state() == DeliveryState.PENDING ? e.nextAttemptAt() : "-", problem,
                            e.payloadPurged() ? " (personal data purged)" : "");
                }
                return 0;
            }
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Make a blocked (or waiting) entry due now.",
                    "Exit code 0 scheduled, 1 no such entry, 2 already delivered."})
    static final class Retry implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() throws Exception {
            try (OfflineCache cache = CacheAccess.open(dataDir)) {
                RetryResult result = cache.outbox().retry(id);
                cache.audit().append(CacheAccess.technician(), "OUTBOX_RETRY",
                        result instanceof RetryResult.Scheduled ? Outcome.SUCCESS : Outcome.FAILURE, "entry " + id);
                return switch (result) {
                    case RetryResult.Scheduled s -> {
                        System.out.printf("entry %d was %s; it is pending and due now%n", s.id(),
                                s.was().name().toLowerCase());
                        yield 0;
                    }
                    case RetryResult.NotFound n -> {
                        System.err.printf("no outbox entry %d%n", n.id());
                        yield 1;
                    }
                    case RetryResult.AlreadyDelivered d -> {
                        System.err.printf("entry %d is already delivered%n", d.id());
                        yield 2;
                    }
                };
            }
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = {"Create a new payload encryption key, re-encrypt every stored personal payload with it,",
                    "then remove the keys no longer used."})
    static final class RotateKey implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() throws Exception {
            try (OfflineCache cache = CacheAccess.open(dataDir)) {
                Outbox.KeyRotation rotation = cache.outbox().rotateKey();
                cache.audit().append(CacheAccess.technician(), "PAYLOAD_KEY_ROTATED", Outcome.SUCCESS,
                        "key " + rotation.newKeyId() + ", retired " + rotation.retired());
                System.out.printf("payload key %d is current; %d payloads re-encrypted; keys %s removed%n",
                        rotation.newKeyId(), rotation.resealed(), rotation.retired());
                return 0;
            }
        }
    }
}
