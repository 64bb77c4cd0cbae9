package io.skysentinel.api.rest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admin access ({@code skysentinel.admin.*}).
 *
 * @param token              SKYSENTINEL_ADMIN_TOKEN: the bearer token of the admin endpoints; empty: they answer 404
 * @param failuresPerMinute  ADMIN_FAILURES_PER_MINUTE: wrong or missing tokens one client address may send a minute
 *                           (a burst of this many, then one every 60/n s); beyond it every admin request from that
 *                           address is a 429 until the bucket refills
 */
@ConfigurationProperties(prefix = "skysentinel.admin")
public record AdminSettings(
        @DefaultValue("") String token, @DefaultValue("5") int failuresPerMinute) {

    public AdminSettings {
        if (token == null) token = "";
        token = token.strip();
        if (failuresPerMinute < 1)
            throw new IllegalArgumentException("skysentinel.admin.failures-per-minute must be >= 1");
    }

    public boolean enabled() {
        return !token.isEmpty();
    }

    /** Never the token itself: settings end up in logs and failure reports. */
    @Override
    public String toString() {
        return "AdminSettings[token=" + (enabled() ? "(set)" : "(unset)") + ", failuresPerMinute=" + failuresPerMinute
                + "]";
    }
}
