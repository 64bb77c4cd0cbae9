package io.skysentinel.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class AdminAccessTest {

    static final String TOKEN = "s3cret-admin-token";
    final AtomicLong nanos = new AtomicLong();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    AdminAccess access(String token, int failuresPerMinute) {
        return new AdminAccess(new AdminSettings(token, failuresPerMinute), nanos::get, meters);
    }

    static MockHttpServletRequest request(String authorization, String from) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/api/database/status");
        r.setRemoteAddr(from);
        if (authorization != null) r.addHeader("Authorization", authorization);
        return r;
    }

    static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (ApiRefusal e) {
            return e.problem().getStatus();
        }
    }

    double failures(String reason) {
        var c = meters.find("skysentinel.admin.auth.failures")
                .tag("reason", reason)
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void withoutATokenAdminIsOffAnd404() {
        AdminAccess a = access("  ", 5);
        assertThat(a.enabled()).isFalse();
        assertThat(a.isAdmin(request("Bearer ", "10.0.0.1"))).isFalse();
        assertThatThrownBy(() -> a.require(request("Bearer anything", "10.0.0.1")))
                .isInstanceOfSatisfying(
                        ApiRefusal.class,
                        e -> assertThat(e.problem().getStatus()).isEqualTo(404));
    }

    @Test
    void onlyTheExactTokenAsABearerPasses() {
        AdminAccess a = access(TOKEN, 100);
        assertThatCode(() -> a.require(request("Bearer " + TOKEN, "10.0.0.1"))).doesNotThrowAnyException();
        assertThat(a.isAdmin(request("bearer " + TOKEN, "10.0.0.1")))
                .as("the scheme is case-insensitive")
                .isTrue();
        assertThat(a.isAdmin(request("Bearer " + TOKEN.substring(1), "10.0.0.1")))
                .isFalse();
        assertThat(a.isAdmin(request("Bearer " + TOKEN + "x", "10.0.0.1"))).isFalse();
        assertThat(a.isAdmin(request("Bearer " + TOKEN.toUpperCase(), "10.0.0.1")))
                .isFalse();
        assertThat(a.isAdmin(request(TOKEN, "10.0.0.1"))).as("no scheme").isFalse();
        assertThat(a.isAdmin(request("Basic " + TOKEN, "10.0.0.1"))).isFalse();
        assertThat(a.isAdmin(request(null, "10.0.0.1"))).isFalse();
    }

    @Test
    void theComparisonIsOfFixedLengthDigestsSoNeitherPrefixNorLengthShowsThrough() {
        // What makes it constant-time: both sides are SHA-256 digests (32 bytes whatever the input) compared with
        // MessageDigest.isEqual, which looks at every byte. Timing itself is not asserted (no timed assertions).
        assertThat(AdminAccess.sha256("a")).hasSize(32);
        assertThat(AdminAccess.sha256(TOKEN + "x".repeat(10_000))).hasSize(32);
        assertThat(AdminAccess.sha256(TOKEN)).isEqualTo(AdminAccess.sha256(TOKEN));
        assertThat(AdminAccess.sha256(TOKEN)).isNotEqualTo(AdminAccess.sha256(TOKEN + " "));
    }

    @Test
    void a401CarriesWwwAuthenticateAndEveryFailureIsCountedByReason() {
        AdminAccess a = access(TOKEN, 100);
        assertThatThrownBy(() -> a.require(request(null, "10.0.0.1"))).isInstanceOfSatisfying(ApiRefusal.class, e -> {
            assertThat(e.problem().getStatus()).isEqualTo(401);
            assertThat(e.headers().get("WWW-Authenticate")).isEqualTo(AdminAccess.REALM);
        });
        assertThatThrownBy(() -> a.require(request("Bearer wrong", "10.0.0.1")))
                .isInstanceOfSatisfying(ApiRefusal.class, e -> {
                    assertThat(e.headers().get("WWW-Authenticate")).contains("invalid_token");
                    assertThat(e.getMessage()).doesNotContain(TOKEN);
                });
        assertThat(failures("missing")).isEqualTo(1);
        assertThat(failures("invalid")).isEqualTo(1);
        a.require(request("Bearer " + TOKEN, "10.0.0.1"));
        assertThat(failures("missing") + failures("invalid"))
                .as("a success counts nothing")
                .isEqualTo(2);
    }

    @Test
    void afterItsFailuresAnAddressIsLockedOutEvenWithTheRightTokenUntilTheBucketRefills() {
        AdminAccess a = access(TOKEN, 3); // 3 at once, then one every 20 s
        for (int i = 0; i < 3; i++)
            assertThat(status(() -> a.require(request("Bearer x", "10.0.0.9")))).isEqualTo(401);
        ApiRefusal locked = null;
        try {
            a.require(request("Bearer " + TOKEN, "10.0.0.9"));
        } catch (ApiRefusal e) {
            locked = e;
        }
        assertThat(locked).isNotNull();
        assertThat(locked.problem().getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().get("Retry-After"))).isBetween(1L, 20L);
        assertThat(failures("locked")).isEqualTo(1);
        assertThat(status(() -> a.require(request("Bearer " + TOKEN, "10.0.0.10"))))
                .as("another address is not affected")
                .isEqualTo(200);
        nanos.addAndGet(20_000_000_000L);
        assertThat(status(() -> a.require(request("Bearer " + TOKEN, "10.0.0.9"))))
                .isEqualTo(200);
    }

    @Test
    void theSettingsNeverPrintTheToken() {
        assertThat(new AdminSettings(TOKEN, 5).toString()).doesNotContain(TOKEN).contains("(set)");
    }
}
