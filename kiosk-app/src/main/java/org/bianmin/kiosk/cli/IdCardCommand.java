package org.bianmin.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.device.idcard.ReadResult;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.bianmin.device.transport.Transports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code idcard read}: one read from an ID-card reader, for technicians. */
@Command(name = "idcard", mixinStandardHelpOptions = true,
        description = "Second-generation ID-card reader (GA 450-style SAM protocol).",
        subcommands = IdCardCommand.Read.class)
final class IdCardCommand {

    static final int READ = 0;
    static final int NO_CARD = 2;
    static final int CARD_OR_PROTOCOL_ERROR = 3;
    static final int PORT_ERROR = 4;

    @Command(name = "read", mixinStandardHelpOptions = true,
            description = {"Wait for a card on the reader at PORT and read it once.",
                "With --json prints one object: cardType (RESIDENT, FOREIGN_PERMANENT, HMT_RESIDENCE), name, gender,",
                "nation, birthDate, address, idNumber, issuer, validFrom, validUntil (ISO dates; null for 长期),",
                "idNumberCheck, and the type-specific fields (nationCode; englishName, chineseName, nationality,",
                "cardVersion; passNumber, issueCount). The ID number is masked (first 6 + last 4) unless --unmasked."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:card read", "2:no card before the timeout", "3:protocol or card error",
                "4:port error (missing, busy, no permission, unplugged)"})
    static final class Read implements Callable<Integer> {

        @Option(names = "--port", required = true, paramLabel = "PATH",
                description = "Serial port: /dev/serial/by-id/…, usb:VVVV:PPPP[:SERIAL], a socat pty link, "
                        + "or tcp:HOST:PORT.")
        String port;

        @Option(names = "--baud", defaultValue = "115200", paramLabel = "N",
                description = "Line speed (default ${DEFAULT-VALUE}).")
        int baud;

        @Option(names = "--timeout", defaultValue = "10", paramLabel = "S",
                description = "Seconds to wait for a card (default ${DEFAULT-VALUE}).")
        double timeout;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Option(names = "--unmasked", description = "Print the full ID number (personal data: use with care).")
        boolean unmasked;

        @Option(names = "--fingerprint", description = "Use the text + photo + fingerprint command (30 10).")
        boolean fingerprint;

        @Override
        public Integer call() throws Exception {
            SerialSettings line;
            try {
                line = SerialSettings.of8N1(baud);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return PORT_ERROR;
            }
            try (Transport transport = Transports.forPort(port, line)) {
                transport.open();
                IdCardReader.Options d = IdCardReader.Options.defaults();
                IdCardReader reader = new IdCardReader(transport, new DeviceStatusTracker("idcard", Clock.systemUTC()),
                        new IdCardReader.Options(d.pollInterval(), d.commandTimeout(), line, fingerprint,
                                d.photoDecoder()));
                return report(reader.read(Duration.ofMillis((long) (timeout * 1000))));
            } catch (TransportException e) {
                System.err.println("port error: " + e.getMessage());
                return PORT_ERROR;
            }
        }

        private int report(ReadResult result) throws Exception {
            return switch (result) {
                case ReadResult.CardRead read -> {
                    try {
                        Map<String, Object> fields = fields(read.card(), unmasked);
                        if (json) {
                            System.out.println(new ObjectMapper().writeValueAsString(fields));
                        } else {
                            fields.forEach((k, v) -> System.out.println(k + ": " + (v == null ? "" : v)));
                            System.out.println("photo: " + read.card().photo().length()
                                    + " bytes of WLT (no decoder installed)");
                        }
                    } finally {
                        read.card().clear();
                    }
                    yield READ;
                }
                case ReadResult.NoCard n -> {
                    System.err.println("no card before the timeout");
                    yield NO_CARD;
                }
                case ReadResult.Failed f -> {
                    System.err.println(f.kind() + " " + f.code() + ": " + f.message());
                    yield f.kind() == ReadResult.Kind.PORT ? PORT_ERROR : CARD_OR_PROTOCOL_ERROR;
                }
            };
        }
    }

    /** The card as the documented JSON object (field order as in the help). */
    static Map<String, Object> fields(IdentityCard card, boolean unmasked) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cardType", card.cardType().name());
        f.put("name", card.name());
        f.put("gender", card.gender().name());
        f.put("nation", card instanceof IdentityCard.Resident r ? r.nation() : null);
        f.put("birthDate", iso(card.birthDate()));
        f.put("address", switch (card) {
            case IdentityCard.Resident r -> r.address();
            case IdentityCard.HmtResidence h -> h.address();
            case IdentityCard.ForeignPermanent p -> null;
        });
        f.put("idNumber", unmasked ? card.idNumber() : IdNumbers.mask(card.idNumber()));
        f.put("issuer", switch (card) {
            case IdentityCard.Resident r -> r.issuer();
            case IdentityCard.HmtResidence h -> h.issuer();
            case IdentityCard.ForeignPermanent p -> p.issuerCode();
        });
        f.put("validFrom", iso(card.validFrom()));
        f.put("validUntil", card.validUntil().map(IdCardCommand::iso).orElse(null));
        f.put("idNumberCheck", card.idNumberCheck().name());
        switch (card) {
            case IdentityCard.Resident r -> f.put("nationCode", r.nationCode());
            case IdentityCard.HmtResidence h -> {
                f.put("passNumber", h.passNumber());
                f.put("issueCount", h.issueCount());
            }
            case IdentityCard.ForeignPermanent p -> {
                f.put("englishName", p.englishName());
                f.put("chineseName", p.chineseName());
                f.put("nationality", p.nationality());
                f.put("cardVersion", p.cardVersion());
            }
        }
        return f;
    }

    private static String iso(LocalDate date) {
        return date.toString();
    }
}
