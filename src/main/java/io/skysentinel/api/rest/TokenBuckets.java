package io.skysentinel.api.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per client key (a remote address): {@code burst} requests at once, refilled at {@code perSecond}.
 * The map is bounded: beyond {@code maxKeys} the least recently seen client is forgotten (it starts again with a full
 * bucket) and counted. Metrics: {@code skysentinel.ratelimit.rejected}, {@code .evicted} and the {@code .clients}
 * gauge, tagged {@code limiter}.
 */
public final class TokenBuckets {

    private static final class Bucket {
        double tokens;
        long atNanos;
    }

    private final double burst;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;
    private final Counter rejected;
    private final Counter evicted;

    public TokenBuckets(
            String name, int burst, double perSecond, int maxKeys, LongSupplier nanoTime, MeterRegistry meters) {
        if (burst < 1 || !(perSecond > 0) || maxKeys < 1)
            throw new IllegalArgumentException(name + ": burst and max clients must be >= 1, the rate > 0");
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanoTime = nanoTime;
        this.rejected = Counter.builder("skysentinel.ratelimit.rejected")
                .tag("limiter", name)
                .register(meters);
        this.evicted = Counter.builder("skysentinel.ratelimit.evicted")
                .tag("limiter", name)
                .register(meters);
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                if (size() <= maxKeys) return false;
                evicted.increment();
                return true;
            }
        };
        Gauge.builder("skysentinel.ratelimit.clients", this, TokenBuckets::clients)
                .tag("limiter", name)
                .register(meters);
    }

    /**
     * Takes one token for {@code key}. Returns 0 when it was there, else the nanoseconds until one will be (the
     * request is refused and counted).
     */
    public long take(String key) {
        return take(key, true);
    }

    /** Like {@link #take} but only looks: 0 when a token is there (none is taken), else the wait; nothing counted. */
    public long peek(String key) {
        return take(key, false);
    }

    private long take(String key, boolean consume) {
        long now = nanoTime.getAsLong();
        synchronized (buckets) {
            Bucket b = buckets.get(key);
            if (b == null) {
                if (!consume) return 0;
                b = new Bucket();
                b.tokens = burst;
                b.atNanos = now;
                buckets.put(key, b);
            }
            b.tokens = Math.min(burst, b.tokens + (now - b.atNanos) * perNano);
            b.atNanos = now;
            if (b.tokens >= 1) {
                if (consume) b.tokens -= 1;
                return 0;
            }
            if (consume) rejected.increment();
            return (long) Math.ceil((1 - b.tokens) / perNano);
        }
    }

    /** Whole seconds to wait for {@code nanos}, at least 1: what Retry-After says. */
    public static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    public int clients() {
        synchronized (buckets) {
            return buckets.size();
        }
    }
}
