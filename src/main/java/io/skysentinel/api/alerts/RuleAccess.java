package io.skysentinel.api.alerts;

import io.skysentinel.alerts.AlertRule;
import io.skysentinel.alerts.Signature;
import io.skysentinel.api.rest.AdminAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Who may change or delete a rule: whoever holds its owner token ({@code Authorization: Bearer <owner_token>}), the
 * token POST returned once; only its SHA-256 is stored — or the operator, with the admin token
 * (SKYSENTINEL_ADMIN_TOKEN, docs/api.md#admin-endpoints) when one is set. The one place write access is decided.
 */
public final class RuleAccess {

    public enum Decision {
        ALLOWED,
        /** No bearer token: 401. */
        NO_TOKEN,
        /** A token that is not this rule's: 403. */
        WRONG_TOKEN
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private RuleAccess() {}

    /** A new owner token: 32 random bytes, URL-safe base64. */
    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String token) {
        return Signature.sha256Hex(token);
    }

    public static Decision mayModify(AlertRule rule, HttpServletRequest request, AdminAccess admin) {
        if (admin != null && admin.isAdmin(request)) return Decision.ALLOWED; // the operator may change any rule
        String header = request.getHeader("Authorization");
        if (header == null
                || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || header.substring(7).isBlank()) return Decision.NO_TOKEN;
        String token = header.substring(7).trim();
        return Signature.sameHex(hash(token), rule.ownerTokenHash()) ? Decision.ALLOWED : Decision.WRONG_TOKEN;
    }
}
