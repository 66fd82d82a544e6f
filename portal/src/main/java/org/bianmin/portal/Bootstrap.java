package org.bianmin.portal;

import java.nio.file.Path;
import org.bianmin.protocol.signing.KeyFile;

/**
 * What a portal creates on its first start so a demo works out of the box: one kiosk credential, an operator
 * credential, and an operator signing key (trusted by the portal) that signed the initial catalogue.
 */
public record Bootstrap(String kioskId, String kioskToken, String operatorToken, KeyFile signingKey, Path keyFile) {

    /** Printable summary; tokens are secrets, so this goes to the console of whoever started the portal only. */
    public String describe(String baseUrl) {
        return """
                reference portal first start: created demo credentials
                  portal URL        %s
                  kiosk id          %s
                  kiosk token       %s
                  operator token    %s   (operator page %soperator: any user name, this token as password)
                  signing key       %s   (key id %s; public half trusted by this portal)
                """.formatted(baseUrl, kioskId, kioskToken, operatorToken, baseUrl, keyFile, signingKey.keyId());
    }
}
