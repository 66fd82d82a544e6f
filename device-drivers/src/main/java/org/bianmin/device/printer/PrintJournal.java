package org.bianmin.device.printer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.protocol.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of print jobs: an append-only text file, one line per state change
 * ({@code epochMillis TAB jobId TAB STATE TAB detail}), forced to disk before the printer sees a byte. On open, a
 * job left {@code SENDING} (the kiosk died mid-job) becomes {@code INCOMPLETE}: it may be partly on paper, so it
 * is neither dropped nor silently printed again. A torn last line from a crash is skipped. A long journal is
 * compacted on open to each job's last line, so every job id ever printed is still remembered. The receipt printer
 * and the A4 printer ({@code org.bianmin.device.a4.IppPrinter}) each keep one; the A4 printer also records
 * {@code ACCEPTED} with the printer's own job id as detail, which survives a restart as it is.
 */
public final class PrintJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PrintJournal.class);
    /** Journals with more superseded lines than this are rewritten with one line per job. */
    static final int COMPACT_AT = 1000;
    /** The detail of the {@code INCOMPLETE} line a job left {@code SENDING} gets on open. */
    public static final String INTERRUPTED = "interrupted by a restart";

    public enum JobState {
        /** Refused before sending; may be tried again. */
        REFUSED,
        /** Bytes are going out. */
        SENDING,
        PRINTED,
        /** Partly sent or unconfirmed; only an explicit reprint sends it again. */
        INCOMPLETE,
        /** A printer that keeps jobs (IPP) holds it; the detail names its job there. Followed, never resent. */
        ACCEPTED
    }

    private final Optional<FileChannel> file;
    private final Clock clock;
    private final Map<String, JobState> states = new LinkedHashMap<>();
    private final Map<String, String> details = new LinkedHashMap<>();

    private PrintJournal(Optional<FileChannel> file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** A journal that lives only as long as the process: for test pages, which need no restart safety. */
    public static PrintJournal inMemory(Clock clock) {
        return new PrintJournal(Optional.empty(), clock);
    }

    public static PrintJournal open(Path path, Clock clock) throws IOException {
        Map<String, String> last = new LinkedHashMap<>();
        Map<String, JobState> loaded = new LinkedHashMap<>();
        Map<String, String> loadedDetails = new LinkedHashMap<>();
        if (Files.exists(path)) {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", 4);
                try {
                    loaded.put(f[1], JobState.valueOf(f[2]));
                    loadedDetails.put(f[1], f.length > 3 ? f[3] : "");
                    last.remove(f[1]);
                    last.put(f[1], lines.get(i));
                } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException torn) {
                    log.warn("print journal {} line {} unreadable, skipped", path, i + 1);
                }
            }
            if (lines.size() - last.size() > COMPACT_AT) {
                compact(path, last.values());
            }
        } else if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        // Job ids are receipt numbers and details name what was printed: nobody else reads them (it was 0644).
        OwnerOnly.file(path);
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        PrintJournal j = new PrintJournal(Optional.of(ch), clock);
        j.states.putAll(loaded);
        j.details.putAll(loadedDetails);
        for (Map.Entry<String, JobState> e : loaded.entrySet()) {
            if (e.getValue() == JobState.SENDING) {
                j.record(e.getKey(), JobState.INCOMPLETE, INTERRUPTED);
            }
        }
        return j;
    }

    /** Keeps only each job's last line, written to a temporary file and moved over the journal atomically. */
    private static void compact(Path path, java.util.Collection<String> lastLines) throws IOException {
        Path tmp = OwnerOnly.file(path.resolveSibling(path.getFileName() + ".compact"));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap((String.join("\n", lastLines) + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        log.info("print journal {} compacted to {} jobs", path, lastLines.size());
    }

    public synchronized Optional<JobState> state(String jobId) {
        return Optional.ofNullable(states.get(jobId));
    }

    /** The detail of the job's last line ({@code ACCEPTED}: the printer's job id); empty for an unknown job. */
    public synchronized Optional<String> detail(String jobId) {
        return Optional.ofNullable(details.get(jobId));
    }

    /** Jobs that may be partly on paper and wait for a person's decision. */
    public synchronized List<String> incomplete() {
        return states.entrySet().stream().filter(e -> e.getValue() == JobState.INCOMPLETE).map(Map.Entry::getKey)
                .toList();
    }

    public synchronized void record(String jobId, JobState state, String detail) throws IOException {
        String oneLine = detail.replace('\t', ' ').replace('\n', ' ');
        if (file.isPresent()) {
            String line = clock.millis() + "\t" + jobId + "\t" + state + "\t" + oneLine + "\n";
            ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                file.get().write(b);
            }
            file.get().force(false);
        }
        states.put(jobId, state);
        details.put(jobId, oneLine);
    }

    @Override
    public synchronized void close() throws IOException {
        if (file.isPresent()) {
            file.get().close();
        }
    }
}
