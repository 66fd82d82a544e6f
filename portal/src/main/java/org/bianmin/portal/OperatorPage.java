package org.bianmin.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.api.KioskSummary;
import org.bianmin.protocol.api.ProblemType;
import org.bianmin.protocol.api.SubmissionState;
import org.bianmin.protocol.api.SubmissionStatus;

/**
 * The operator's plain server-rendered page: kiosks and their health, submissions with buttons to advance them.
 * No script and no inline style (the page's Content-Security-Policy allows neither): the stylesheet is served at
 * {@link #STYLESHEET}, and every form carries the operator's CSRF token as a hidden field.
 */
final class OperatorPage {

    /** Where the page's stylesheet is served, without authentication (it holds nothing but styles). */
    static final String STYLESHEET = "/operator/operator.css";
    private static final byte[] CSS = loadStylesheet();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** A kiosk that has not reported for this long is flagged; heartbeats default to once a minute. */
    private static final Duration STALE = Duration.ofMinutes(3);

    private final Clock clock;

    OperatorPage(Clock clock) {
        this.clock = clock;
    }

    String render(List<KioskSummary> kiosks, List<SubmissionStatus> submissions, long catalogueVersion, String csrf) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>便民自助终端 运营</title>
                <link rel="stylesheet" href="%s"></head><body>
                """.formatted(STYLESHEET));
        html.append("<h1>便民自助终端 — 运营页面</h1><p>当前目录版本 catalogue version: ").append(catalogueVersion)
                .append("</p><h2>终端 Kiosks</h2><table><tr><th>kiosk</th><th>last heartbeat</th><th>app</th>"
                        + "<th>catalogue</th><th>devices</th><th>outbox</th><th>oldest pending</th>"
                        + "<th>last sync</th><th>alerts</th><th>self-check</th></tr>");
        for (KioskSummary k : kiosks) {
            kioskRow(html, k);
        }
        html.append("</table><h2>办件 Submissions</h2><table><tr><th>receipt</th><th>item</th><th>state</th>"
                + "<th>updated</th><th>advance</th></tr>");
        for (SubmissionStatus s : submissions) {
            submissionRow(html, s, csrf);
        }
        return html.append("</table></body></html>").toString();
    }

    private void kioskRow(StringBuilder html, KioskSummary k) {
        Heartbeat h = k.lastHeartbeat();
        boolean stale = k.lastHeartbeatAt() == null
                || Duration.between(k.lastHeartbeatAt().toInstant(), clock.instant()).compareTo(STALE) > 0;
        html.append("<tr class=\"").append(k.revoked() ? "bad" : stale ? "warn" : "").append("\"><td>")
                .append(esc(k.kioskId())).append(k.revoked() ? " (revoked)" : "").append("</td><td>")
                .append(k.lastHeartbeatAt() == null ? "never" : TIME.format(k.lastHeartbeatAt())).append("</td>");
        if (h == null) {
            html.append("<td colspan=\"8\"></td></tr>");
            return;
        }
        html.append("<td>").append(esc(h.appVersion())).append("</td><td>").append(h.catalogueVersion())
                .append("</td><td>").append(devices(h.devices())).append("</td><td>").append(h.outboxDepth())
                .append(h.blockedEntries() > 0 ? " (" + h.blockedEntries() + " blocked)" : "").append("</td><td>")
                .append(Duration.ofSeconds(h.oldestPendingAgeSeconds())).append("</td><td>")
                .append(h.lastSyncAt() == null ? "never" : TIME.format(h.lastSyncAt())).append("</td><td")
                .append(h.alerts().isEmpty() ? ">" : " class=\"bad\">")
                .append(h.alerts().stream().map(a -> "<div>" + esc(a) + "</div>").collect(Collectors.joining()))
                .append("</td>").append(selfCheck(h.selfCheck())).append("</tr>");
    }

    /** Only what needs a look: failed and warning checks; "all pass" otherwise. */
    private static String selfCheck(List<Heartbeat.Check> checks) {
        if (checks.isEmpty()) {
            return "<td>not reported</td>";
        }
        List<Heartbeat.Check> notPassed = checks.stream()
                .filter(c -> c.status() != Heartbeat.CheckStatus.PASS).toList();
        if (notPassed.isEmpty()) {
            return "<td>all " + checks.size() + " pass</td>";
        }
        boolean failed = notPassed.stream().anyMatch(c -> c.status() == Heartbeat.CheckStatus.FAIL);
        return "<td class=\"" + (failed ? "bad" : "warn") + "\">" + notPassed.stream()
                .map(c -> "<div>" + esc(c.name()) + ": " + c.status() + (c.detail() == null ? "" : " — "
                        + esc(c.detail())) + "</div>").collect(Collectors.joining()) + "</td>";
    }

    private static String devices(List<Heartbeat.DeviceReport> devices) {
        return devices.stream().map(d -> {
            String supplies = d.supplies().stream().map(s -> esc(s.name()) + " " + s.level())
                    .collect(Collectors.joining(", "));
            String cls = d.state() == Heartbeat.DeviceState.OK
                    && d.supplies().stream().allMatch(s -> s.level() == Heartbeat.SupplyLevel.OK) ? "" : "warn";
            return "<div class=\"" + cls + "\">" + esc(d.device()) + ": " + d.state()
                    + (d.detail() == null ? "" : " — " + esc(d.detail()))
                    + (supplies.isEmpty() ? "" : " [" + supplies + "]") + "</div>";
        }).collect(Collectors.joining());
    }

    private static void submissionRow(StringBuilder html, SubmissionStatus s, String csrf) {
        html.append("<tr><td>").append(esc(s.receiptNumber())).append("</td><td>").append(esc(s.itemCode()))
                .append("</td><td>").append(s.state()).append("</td><td>").append(TIME.format(s.updatedAt()))
                .append("</td><td>");
        if (!s.state().terminal()) {
            html.append("<form method=\"post\" action=\"/operator/submissions/").append(esc(s.receiptNumber()))
                    .append("\"><input type=\"hidden\" name=\"").append(OperatorAuth.CSRF_FIELD)
                    .append("\" value=\"").append(esc(csrf)).append("\"><select name=\"state\">");
            for (SubmissionState next : s.state().next(false)) {
                html.append("<option>").append(next).append("</option>");
            }
            html.append("</select> <input name=\"note\" placeholder=\"备注 note\"> <button>更新</button></form>");
        }
        html.append("</td></tr>");
    }

    static byte[] stylesheet() {
        return CSS;
    }

    /**
     * The fields of a posted form ({@code application/x-www-form-urlencoded}); a repeated name keeps its first
     * value. Malformed percent-escapes are a {@code 400}.
     */
    static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                fields.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "form body is not URL-encoded");
            }
        }
        return fields;
    }

    private static byte[] loadStylesheet() {
        try (InputStream in = OperatorPage.class.getResourceAsStream("operator.css")) {
            if (in == null) {
                throw new IllegalStateException("operator.css missing from the portal's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read operator.css", e);
        }
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
