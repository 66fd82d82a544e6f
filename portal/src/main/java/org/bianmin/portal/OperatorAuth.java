package org.bianmin.portal;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bianmin.portal.store.PortalStore;
import org.bianmin.protocol.api.ProblemType;

/**
 * Who may use the operator routes, and how the operator's browser is kept from being used by other sites (CSRF);
 * also which kiosk a kiosk route's bearer token belongs to. (Its own class, apart from the routes, so the portal's
 * split by concern can keep authentication in one place.)
 *
 * <p>API clients ({@code kioskctl}, scripts) send {@code Authorization: Bearer <operator token>}. A browser never
 * attaches that header on its own, and a page on another site cannot make it send one without a CORS preflight,
 * which this portal never grants; so bearer requests need nothing more.
 *
 * <p>The operator page authenticates with HTTP Basic, which a browser attaches by itself to every request to this
 * host, including ones another site's page makes it send. So every state-changing request authenticated by Basic
 * must (1) come from this portal's own pages: {@code Sec-Fetch-Site: same-origin}, or, from a browser that sends no
 * fetch metadata, an {@code Origin} naming this host (an absent or {@code null} Origin is refused, so is
 * {@code Sec-Fetch-Site: same-site}); and (2) carry the page's CSRF token ({@value #CSRF_FIELD} form field or
 * {@value #CSRF_HEADER} header). The token is an HMAC of the operator's credential under a key made at start: a
 * page rendered for one operator's login works for that login until the portal restarts (then reload the page).
 *
 * <p>Why Sec-Fetch-Site first: the HTML answers carry {@code Referrer-Policy: no-referrer}, under which browsers send
 * {@code Origin: null} on the page's own form posts; fetch metadata is unaffected by the referrer policy.
 *
 * <p>A kiosk token on an operator route is {@code 403} (a known credential, not allowed here); an unknown one is a
 * bare {@code 401} with a Basic challenge so the browser asks for the login.
 */
final class OperatorAuth {

    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Longer Authorization values are no credential: tokens are 43 characters, Basic adds a user name. */
    private static final int MAX_CREDENTIAL_LENGTH = 400;

    /** How the operator authenticated: only {@link #BASIC} is what a browser sends by itself. */
    enum Via { BEARER, BASIC }

    /** An authenticated operator and the CSRF token their browser pages carry. */
    record Operator(String name, Via via, String csrfToken) {}

    private final PortalStore store;
    private final SecretKeySpec csrfKey;

    OperatorAuth(PortalStore store, SecureRandom random) {
        this.store = store;
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.csrfKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** For routes that only read: any operator credential. */
    Operator authenticate(Context ctx) {
        Optional<String> bearer = bearer(ctx);
        Via via = bearer.isPresent() ? Via.BEARER : Via.BASIC;
        String credential = bearer.or(() -> basicPassword(ctx)).orElseThrow(() -> challenge(ctx));
        Optional<String> name = store.operatorForToken(credential);
        if (name.isEmpty()) {
            if (store.kioskForToken(credential).isPresent()) {
                throw new ProblemException(ProblemType.FORBIDDEN, "a kiosk credential cannot use operator routes");
            }
            throw challenge(ctx);
        }
        return new Operator(name.get(), via, csrfToken(name.get(), credential));
    }

    /**
     * For routes that change state: a bearer client as is; a browser (Basic) only from this portal's own page and
     * with its CSRF token. {@code formToken} is the token from the request's form body, if it has one.
     */
    Operator authorizeChange(Context ctx, Optional<String> formToken) {
        Operator operator = authorizeSender(ctx);
        checkCsrfToken(ctx, operator, formToken);
        return operator;
    }

    /**
     * The first half of {@link #authorizeChange}, for a route whose CSRF token travels in its form body: who sends,
     * and for a browser that it is this portal's own page — all from the headers, so a stranger's or another site's
     * post is refused before its body is read. {@link #checkCsrfToken} then checks the body's token.
     */
    Operator authorizeSender(Context ctx) {
        Operator operator = authenticate(ctx);
        if (operator.via() == Via.BASIC && !fromOwnPage(ctx)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "cross-site or origin-less browser request refused; use the operator page");
        }
        return operator;
    }

    /** The second half of {@link #authorizeChange}: a browser's request carries its page's CSRF token. */
    void checkCsrfToken(Context ctx, Operator operator, Optional<String> formToken) {
        if (operator.via() == Via.BEARER) {
            return;
        }
        String sent = Optional.ofNullable(ctx.header(CSRF_HEADER)).or(() -> formToken).orElse("");
        if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                operator.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "missing or stale CSRF token; reload the operator page");
        }
    }

    /** The kiosk behind a bearer token; anything else is a bare 401 (no hint whether it exists or was revoked). */
    String kiosk(Context ctx) {
        return bearer(ctx).flatMap(store::kioskForToken)
                .orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED, null));
    }

    private static boolean fromOwnPage(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = ctx.header("Origin");
        if (origin == null || ctx.host() == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(ctx.host())
                    && (origin.startsWith("http://") || origin.startsWith("https://"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private String csrfToken(String operatorName, String credential) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(csrfKey);
            byte[] tag = mac.doFinal(("csrf\0" + operatorName + "\0" + credential).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ProblemException challenge(Context ctx) {
        ctx.header("WWW-Authenticate", "Basic realm=\"bianmin portal operator\", charset=\"UTF-8\"");
        return new ProblemException(ProblemType.UNAUTHORIZED, null);
    }

    private static Optional<String> bearer(Context ctx) {
        return credential(ctx, "Bearer ");
    }

    /** HTTP Basic with any user name and the token as password; a malformed header is simply no credential. */
    private static Optional<String> basicPassword(Context ctx) {
        return credential(ctx, "Basic ").flatMap(encoded -> {
            try {
                String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 || colon == pair.length() - 1 ? Optional.empty()
                        : Optional.of(pair.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> credential(Context ctx, String scheme) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return Optional.empty();
        }
        String value = header.substring(scheme.length()).strip();
        return value.isEmpty() || value.length() > MAX_CREDENTIAL_LENGTH ? Optional.empty() : Optional.of(value);
    }
}
