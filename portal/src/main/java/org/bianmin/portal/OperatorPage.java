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
import org.bianmin.portal.store.Fleet;
import org.bianmin.portal.store.KioskFlag;
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
    /** Where the fleet view is served. */
    static final String FLEET = "/operator/fleet";
    private static final byte[] CSS = loadStylesheet();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /**
     * A kiosk that has not reported for this long is offline: kiosks send a heartbeat every minute by default, so
     * two have been missed (and a third is late).
     */
    static final Duration OFFLINE_AFTER = Duration.ofMinutes(3);
    /** Kiosks per page of the fleet view (and on the operator page, which shows the first page). */
    static final int PAGE_SIZE = 100;
    /** The fleet view's filters by their {@code show} parameter, in the order the page lists them. */
    private static final Map<String, Fleet.Filter> FILTERS = filters();
    /** How the page names each filter. */
    private static final Map<String, String> LABELS = Map.of("all", "全部 all", "offline", "离线 offline",
            "revoked", "已吊销 revoked", "supply-low", "耗材不足 supply low", "device-fault", "设备故障 device fault",
            "self-check-failed", "自检失败 self-check failed", "outbox-backlog", "待发积压 outbox backlog",
            "catalogue-refused", "目录被拒 catalogue refused");

    private final Clock clock;

    OperatorPage(Clock clock) {
        this.clock = clock;
    }

    /** The cut-off for {@link #OFFLINE_AFTER}: kiosks whose last heartbeat arrived before it are offline. */
    java.time.Instant offlineBefore() {
        return clock.instant().minus(OFFLINE_AFTER);
    }

    /** The fleet view's filter named by {@code show} (absent: all), or a {@code 400}. */
    static Fleet.Filter filter(String show) {
        Fleet.Filter filter = FILTERS.get(show == null || show.isEmpty() ? "all" : show);
        if (filter == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "show: one of " + FILTERS.keySet());
        }
        return filter;
    }

    private static Map<String, Fleet.Filter> filters() {
        Map<String, Fleet.Filter> filters = new java.util.LinkedHashMap<>();
        filters.put("all", new Fleet.Filter.All());
        filters.put("offline", new Fleet.Filter.Offline());
        filters.put("revoked", new Fleet.Filter.Revoked());
        for (KioskFlag flag : KioskFlag.values()) {
            filters.put(flag.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    new Fleet.Filter.Flagged(flag));
        }
        return java.util.Collections.unmodifiableMap(filters);
    }

    /** The operator page: the fleet's counts and first page of kiosks, then the recent submissions. */
    String render(Fleet fleet, List<SubmissionStatus> submissions, long catalogueVersion, String csrf) {
        StringBuilder html = head("便民自助终端 运营");
        html.append("<h1>便民自助终端 — 运营页面</h1><p>当前目录版本 catalogue version: ").append(catalogueVersion)
                .append("</p><h2>终端 Kiosks</h2>");
        counts(html, fleet.counts(), "all", "");
        kioskTable(html, fleet.page());
        if (fleet.matching() > fleet.page().size()) {
            html.append("<p><a href=\"").append(FLEET).append("\">全部终端 all ").append(fleet.matching())
                    .append(" kiosks →</a></p>");
        }
        html.append("<h2>办件 Submissions</h2><table><tr><th>receipt</th><th>item</th><th>state</th>"
                + "<th>updated</th><th>advance</th></tr>");
        for (SubmissionStatus s : submissions) {
            submissionRow(html, s, csrf);
        }
        return html.append("</table></body></html>").toString();
    }

    /**
     * The fleet view: counts that filter, a search by id prefix, one page of kiosks and links to the others.
     * {@code show} and {@code prefix} are what {@link #filter} and {@link Fleet#validPrefix} accepted.
     */
    String renderFleet(Fleet fleet, String show, String prefix, int page) {
        StringBuilder html = head("便民自助终端 终端总览");
        html.append("<h1>终端总览 Fleet</h1><p><a href=\"/operator\">← 运营页面 operator page</a></p>");
        counts(html, fleet.counts(), show, prefix);
        html.append("<form method=\"get\" action=\"").append(FLEET).append("\"><input type=\"hidden\" name=\"show\" "
                + "value=\"").append(esc(show)).append("\"><input name=\"q\" value=\"").append(esc(prefix))
                .append("\" placeholder=\"终端编号前缀 kiosk id prefix\"> <button>查找 search</button></form>");
        long pages = Math.max(1, (fleet.matching() + PAGE_SIZE - 1) / PAGE_SIZE);
        html.append("<p>").append(fleet.matching()).append(" 台 kiosks · 第 page ").append(page).append(" / ")
                .append(pages).append("</p>");
        kioskTable(html, fleet.page());
        html.append("<p>");
        if (page > 1) {
            html.append("<a href=\"").append(esc(fleetLink(show, prefix, page - 1))).append("\">← 上一页 previous</a> ");
        }
        if (page < pages) {
            html.append("<a href=\"").append(esc(fleetLink(show, prefix, page + 1))).append("\">下一页 next →</a>");
        }
        return html.append("</p></body></html>").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>
                <link rel="stylesheet" href="%s"></head><body>
                """.formatted(title, STYLESHEET));
    }

    /** The fleet's counts, each a link to the kiosks it counts; the one shown is marked. */
    private static void counts(StringBuilder html, Fleet.Counts counts, String show, String prefix) {
        html.append("<p class=\"counts\">在线 online ").append(counts.online());
        FILTERS.forEach((name, filter) -> {
            long n = switch (filter) {
                case Fleet.Filter.All a -> counts.total();
                case Fleet.Filter.Offline o -> counts.offline();
                case Fleet.Filter.Revoked r -> counts.revoked();
                case Fleet.Filter.Flagged f -> counts.flagged().getOrDefault(f.flag(), 0L);
            };
            String mark = name.equals(show) ? " class=\"shown\"" : !name.equals("all") && n > 0 ? " class=\"warn\"" : "";
            html.append(" · <a href=\"").append(esc(fleetLink(name, prefix, 1))).append("\"").append(mark)
                    .append(">").append(LABELS.get(name)).append(" ").append(n).append("</a>");
        });
        html.append("</p>");
    }

    private static String fleetLink(String show, String prefix, int page) {
        return FLEET + "?show=" + show + (prefix.isEmpty() ? "" : "&q=" + prefix) + (page > 1 ? "&page=" + page : "");
    }

    private void kioskTable(StringBuilder html, List<KioskSummary> kiosks) {
        html.append("<table><tr><th>kiosk</th><th>last heartbeat</th><th>app</th>"
                + "<th>catalogue</th><th>devices</th><th>outbox</th><th>oldest pending</th>"
                + "<th>last sync</th><th>alerts</th><th>self-check</th></tr>");
        for (KioskSummary k : kiosks) {
            kioskRow(html, k);
        }
        html.append("</table>");
    }

    private void kioskRow(StringBuilder html, KioskSummary k) {
        Heartbeat h = k.lastHeartbeat();
        boolean offline = k.lastHeartbeatAt() == null
                || Duration.between(k.lastHeartbeatAt().toInstant(), clock.instant()).compareTo(OFFLINE_AFTER) > 0;
        html.append("<tr class=\"").append(k.revoked() ? "bad" : offline ? "warn" : "").append("\"><td>")
                .append(esc(k.kioskId())).append(k.revoked() ? " (revoked)" : offline ? " (离线 offline)" : "")
                .append("</td><td>")
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
