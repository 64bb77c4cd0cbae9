package io.skysentinel.core;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** What an HTTP poller (OpenSky, VATSIM) starts and stops: its one daemon thread and its HTTP client. */
public final class PollerThreads {

    private static final long STOP_WAIT_S = 5;

    private PollerThreads() {}

    /** A single daemon thread named {@code name}: a poller never keeps the JVM alive. */
    public static ScheduledExecutorService thread(String name) {
        return Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon().factory());
    }

    /** An HTTP/1.1 client with the poller's connect timeout and redirect policy. */
    public static HttpClient http(Duration connectTimeout, HttpClient.Redirect redirects) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(redirects)
                .build();
    }

    /**
     * Interrupts the poll in progress and waits up to 5 s for the thread to end.
     *
     * @return false when it did not end in time (the caller says so in its log)
     */
    public static boolean stop(ScheduledExecutorService thread) {
        thread.shutdownNow();
        try {
            return thread.awaitTermination(STOP_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
