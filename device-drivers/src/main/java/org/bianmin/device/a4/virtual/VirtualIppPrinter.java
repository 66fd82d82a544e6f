package org.bianmin.device.a4.virtual;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.PrinterState;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bianmin.device.a4.IppCodec;
import org.bianmin.device.a4.IppException;

/**
 * A simulated IPP Everywhere printer on loopback, for the demo and for faults a real test printer cannot be put
 * in: paper that runs out after a number of sheets (the job stops {@code processing-stopped} and finishes after
 * {@link #refill}), a door opened, a job that never completes, a restart that forgets its jobs, and an
 * answer that never comes. It counts sheets and jobs, which is what "never printed twice" is checked against.
 * Sheets per document are the PDF's page objects. Thread-safe; answers one request at a time.
 */
public final class VirtualIppPrinter implements AutoCloseable {

    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");
    private static final int MAX_REQUEST = 16 << 20;

    /** One job as the simulated printer holds it. */
    public record Job(int id, String name, String format, byte[] document, int sheets, int sheetsDone,
                      JobState state) {
        @Override
        public byte[] document() {
            return document.clone();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "virtual-ipp-printer");
        t.setDaemon(true);
        return t;
    });
    private final Map<Integer, Job> jobs = new LinkedHashMap<>();
    private final Set<String> reasons = new LinkedHashSet<>();
    private final List<String> operations = new ArrayList<>();
    private List<String> formats = List.of("application/pdf", "image/pwg-raster");
    private int paper = Integer.MAX_VALUE;
    private int sheetsPrinted;
    private int nextJobId = 1;
    private boolean completeJobs = true;
    private Set<String> hangOn = Set.of();
    private boolean closed;

    private VirtualIppPrinter(HttpServer server) {
        this.server = server;
    }

    /** Starts listening on a free loopback port. */
    public static VirtualIppPrinter start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        VirtualIppPrinter p = new VirtualIppPrinter(server);
        server.createContext("/ipp/print", p::handle);
        server.setExecutor(p.executor);
        server.start();
        return p;
    }

    public URI uri() {
        return URI.create("ipp://127.0.0.1:" + server.getAddress().getPort() + "/ipp/print");
    }

    /** Loads {@code sheets} sheets; a job stopped for paper carries on. */
    public synchronized void refill(int sheets) {
        paper = sheets;
        reasons.remove("media-empty-error");
        advance();
    }

    /** Sets the printer's reasons (e.g. {@code door-open-error}); a {@code -error} stops it. */
    public synchronized void reasons(String... next) {
        reasons.clear();
        reasons.addAll(Arrays.asList(next));
        advance();
    }

    /** With false, jobs are accepted and stay {@code processing} for ever (a printer that hangs). */
    public synchronized void completeJobs(boolean complete) {
        completeJobs = complete;
        advance();
    }

    /** The formats it claims to take ({@code document-format-supported}). */
    public synchronized void formats(String... accepted) {
        formats = List.of(accepted);
    }

    /** A restart: every job it held is forgotten (job ids go on). */
    public synchronized void forgetJobs() {
        jobs.clear();
    }

    /**
     * Requests of these operations (e.g. {@code Print-Job}) are read and never answered, until called again
     * without them: a printer that stops responding mid-call.
     */
    public synchronized void hangOn(String... operationNames) {
        hangOn = Set.of(operationNames);
        notifyAll();
    }

    public synchronized int sheetsPrinted() {
        return sheetsPrinted;
    }

    public synchronized List<Job> jobs() {
        return List.copyOf(jobs.values());
    }

    /** Operation names in the order received ({@code Print-Job}, {@code Get-Job-Attributes}, ...). */
    public synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    private boolean stopped() {
        return reasons.stream().anyMatch(r -> r.endsWith("-error"));
    }

    /** Prints what can be printed: oldest job first, one sheet per unit of paper. */
    private void advance() {
        if (!completeJobs) {
            return;
        }
        for (Map.Entry<Integer, Job> e : jobs.entrySet()) {
            Job j = e.getValue();
            if (j.state().equals(JobState.completed)) {
                continue;
            }
            int done = j.sheetsDone();
            while (done < j.sheets() && paper > 0 && !stopped()) {
                done++;
                paper--;
                sheetsPrinted++;
            }
            if (paper == 0 && done < j.sheets()) {
                reasons.add("media-empty-error");
            }
            JobState state = done == j.sheets() ? JobState.completed
                    : stopped() ? JobState.processingStopped : JobState.processing;
            e.setValue(new Job(j.id(), j.name(), j.format(), j.document, j.sheets(), done, state));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST);
            }
            IppPacket request;
            int dataAt;
            try {
                dataAt = IppCodec.messageLength(body);
                request = IppCodec.decode(body);
            } catch (IppException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            IppPacket answer;
            synchronized (this) {
                String name = request.getOperation().getName();
                operations.add(name);
                while (hangOn.contains(name) && !closed) {
                    try {
                        wait(); // a hung printer: the request was read, the answer never comes
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                answer = answer(request, Arrays.copyOfRange(body, dataAt, body.length));
            }
            byte[] bytes = IppCodec.encode(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/ipp");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private IppPacket answer(IppPacket request, byte[] document) {
        Operation op = request.getOperation();
        if (op.equals(Operation.getPrinterAttributes)) {
            return response(request, Status.successfulOk).putPrinterAttributes(
                    Types.printerState.of(stopped() ? PrinterState.stopped
                            : jobs.values().stream().anyMatch(j -> j.state().equals(JobState.processing))
                                    ? PrinterState.processing : PrinterState.idle),
                    Types.printerStateReasons.of(reasons.isEmpty() ? List.of("none") : List.copyOf(reasons)),
                    Types.printerStateMessage.of(stopped() ? "Stopped." : "Ready."),
                    Types.printerIsAcceptingJobs.of(true),
                    Types.documentFormatSupported.of(formats)).build();
        }
        if (op.equals(Operation.printJob)) {
            String format = request.getString(Tag.operationAttributes, Types.documentFormat);
            if (format == null || !formats.contains(format)) {
                return response(request, Status.clientErrorDocumentFormatNotSupported).build();
            }
            String name = request.getString(Tag.operationAttributes, Types.jobName);
            int id = nextJobId++;
            jobs.put(id, new Job(id, name == null ? "" : name, format, document, pages(document), 0,
                    JobState.processing));
            advance();
            return jobAnswer(request, jobs.get(id));
        }
        if (op.equals(Operation.getJobAttributes)) {
            Integer id = request.getValue(Tag.operationAttributes, Types.jobId);
            Job j = id == null ? null : jobs.get(id);
            if (j == null) {
                return response(request, Status.clientErrorNotFound).build();
            }
            return jobAnswer(request, j);
        }
        if (op.equals(Operation.getJobs)) {
            String which = request.getString(Tag.operationAttributes, Types.whichJobs);
            boolean completed = "completed".equals(which);
            IppPacket.Builder b = response(request, Status.successfulOk);
            for (Job j : jobs.values()) {
                if (j.state().equals(JobState.completed) == completed) {
                    b.addGroup(AttributeGroup.groupOf(Tag.jobAttributes, Types.jobId.of(j.id()),
                            Types.jobName.of(j.name()), Types.jobState.of(j.state())));
                }
            }
            return b.build();
        }
        return response(request, Status.serverErrorOperationNotSupported).build();
    }

    private IppPacket jobAnswer(IppPacket request, Job j) {
        List<String> jobReasons = j.state().equals(JobState.processingStopped) ? List.of("printer-stopped")
                : j.state().equals(JobState.completed) ? List.of("job-completed-successfully") : List.of("none");
        return response(request, Status.successfulOk).putJobAttributes(Types.jobId.of(j.id()),
                Types.jobUri.of(URI.create(uri() + "/" + j.id())), Types.jobState.of(j.state()),
                Types.jobStateReasons.of(jobReasons), Types.jobMediaSheetsCompleted.of(j.sheetsDone())).build();
    }

    private static IppPacket.Builder response(IppPacket request, Status status) {
        return IppPacket.response(status).setRequestId(request.getRequestId())
                .putOperationAttributes(Types.attributesCharset.of("utf-8"),
                        Types.attributesNaturalLanguage.of("en"));
    }

    /** Sheets a document takes: its PDF page objects, at least one. */
    static int pages(byte[] document) {
        Matcher m = PAGE.matcher(new String(document, StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return Math.max(1, n);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
