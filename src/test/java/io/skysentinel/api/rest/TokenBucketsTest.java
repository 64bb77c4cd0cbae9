package io.skysentinel.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    final AtomicLong nanos = new AtomicLong();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    double counter(String name) {
        return meters.get(name).tag("limiter", "t").counter().count();
    }

    @Test
    void aBurstThenTheRefillRateAndTheWaitUntilTheNextToken() {
        TokenBuckets b = new TokenBuckets("t", 3, 2.0, 10, nanos::get, meters);
        for (int i = 0; i < 3; i++) assertThat(b.take("a")).isZero();
        long wait = b.take("a");
        assertThat(wait).isEqualTo(500_000_000L);
        assertThat(TokenBuckets.seconds(wait)).isEqualTo(1);
        assertThat(counter("skysentinel.ratelimit.rejected")).isEqualTo(1);
        assertThat(b.take("b")).as("per key").isZero();
        nanos.addAndGet(500_000_000L);
        assertThat(b.take("a")).isZero();
        assertThat(b.take("a")).isPositive();
        nanos.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++)
            assertThat(b.take("a")).as("refilled to the burst, not beyond").isZero();
        assertThat(b.take("a")).isPositive();
    }

    @Test
    void peekTakesNothing() {
        TokenBuckets b = new TokenBuckets("t", 1, 1.0, 10, nanos::get, meters);
        assertThat(b.peek("a")).isZero();
        assertThat(b.peek("a")).isZero();
        assertThat(b.take("a")).isZero();
        assertThat(b.peek("a")).isPositive();
        assertThat(counter("skysentinel.ratelimit.rejected")).isZero();
    }

    @Test
    void theMapIsBoundedAndForgetsTheLeastRecentlySeenClientCountingIt() {
        TokenBuckets b = new TokenBuckets("t", 1, 0.001, 2, nanos::get, meters);
        b.take("a");
        b.take("b");
        b.take("a"); // a seen last: b is the eldest
        b.take("c");
        assertThat(b.clients()).isEqualTo(2);
        assertThat(counter("skysentinel.ratelimit.evicted")).isEqualTo(1);
        assertThat(b.take("a")).as("a is remembered, its bucket still empty").isPositive();
        assertThat(b.take("b")).as("b was forgotten: a full bucket again").isZero();
        assertThat(meters.get("skysentinel.ratelimit.clients").gauge().value()).isEqualTo(2);
    }
}
