package org.bianmin.portal;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The headers that keep browsers from misusing the portal's answers: no framing (clickjacking the operator page's
 * buttons), no MIME sniffing, no referrer leaving with receipt numbers in it, nothing cached (the operator page holds
 * its CSRF token and citizens' receipt numbers). Every answer gets {@link #baseline}; the operator page and its
 * stylesheet get a policy that allows only same-origin styles and form posts — no script at all.
 */
final class SecurityHeaders {

    /** What the operator page may load: its own stylesheet; forms post back to the portal only. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    /** What every answer carries, Javalin's routes and Jetty's own refusals ({@link ProblemErrorHandler}) alike. */
    static final List<Map.Entry<String, String>> BASELINE = List.of(
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-Frame-Options", "DENY"),
            Map.entry("Referrer-Policy", "no-referrer"),
            Map.entry("Content-Security-Policy", API_POLICY),
            Map.entry("Cache-Control", "no-store"));

    /** Set before every route; routes that may be cached (the catalogue files) replace Cache-Control. */
    static void baseline(Context ctx) {
        BASELINE.forEach(h -> ctx.header(h.getKey(), h.getValue()));
    }

    /** Answers with an HTML page (UTF-8, declared in the header as well as the page). */
    static void html(Context ctx, String page) {
        ctx.header("Content-Security-Policy", PAGE_POLICY).contentType("text/html; charset=utf-8").result(page);
    }

    /** Answers with the operator page's stylesheet (CSP forbids inline styles, so it is a file of its own). */
    static void css(Context ctx, byte[] stylesheet) {
        ctx.contentType("text/css; charset=utf-8").result(stylesheet);
    }
}
