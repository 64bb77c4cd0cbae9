package io.skysentinel.alerts;

/**
 * Retry delays of a webhook delivery: exponential ({@code base × 2^(attempt-1)}, at most {@code max}) with "equal
 * jitter" (a random point in the upper half), so receivers that failed together are not hit again together. Pure:
 * the random number is passed in.
 */
public record Backoff(long baseMs, long maxMs) {

    public Backoff {
        if (baseMs < 1 || maxMs < baseMs) throw new IllegalArgumentException("need 1 <= base <= max");
    }

    /** The delay before retry number {@code attempt} (1 = after the first failure); {@code random} in [0, 1). */
    public long delayMs(int attempt, double random) {
        long ceiling = baseMs << Math.min(Math.max(attempt - 1, 0), 30);
        if (ceiling <= 0 || ceiling > maxMs) ceiling = maxMs;
        return ceiling / 2 + (long) (random * (ceiling - ceiling / 2));
    }
}
