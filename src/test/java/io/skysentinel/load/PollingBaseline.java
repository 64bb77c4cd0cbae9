package io.skysentinel.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The polling baseline push is compared with: one client GETs the full list once a second during the window.
 * The counters are read after {@link #stop()}; without {@link #start} they stay zero.
 */
final class PollingBaseline {

    private final String server;
    private final long windowStart, windowEnd;
    private Thread thread;

    final LongAdder bytes = new LongAdder();
    final AtomicInteger polls = new AtomicInteger(), failures = new AtomicInteger();
    final LagHistogram latency = new LagHistogram();

    PollingBaseline(String server, long windowStart, long windowEnd) {
        this.server = server;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
    }

    void start() {
        HttpClient pollHttp =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI pollUri = URI.create(server + "/api/flights?limit=100000");
        thread = Thread.ofPlatform().daemon().name("ws-load-poller").start(() -> loop(pollHttp, pollUri));
    }

    void stop() throws InterruptedException {
        if (thread != null) {
            thread.interrupt();
            thread.join(12_000);
        }
    }

    private void loop(HttpClient pollHttp, URI pollUri) {
        long next = windowStart;
        byte[] sink = new byte[64 * 1024];
        while (true) {
            long wait = next - System.currentTimeMillis();
            try {
                if (wait > 0) Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            if (System.currentTimeMillis() >= windowEnd) return;
            long start = System.nanoTime();
            try {
                HttpResponse<InputStream> r = pollHttp.send(
                        HttpRequest.newBuilder(pollUri)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long n = 0;
                try (InputStream in = r.body()) {
                    int k;
                    while ((k = in.read(sink)) > 0) n += k;
                }
                if (r.statusCode() == 200) {
                    bytes.add(n);
                    polls.incrementAndGet();
                    latency.record((System.nanoTime() - start) / 1_000_000);
                } else {
                    failures.incrementAndGet();
                }
            } catch (IOException e) {
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
            next += 1000;
            while (next < System.currentTimeMillis()) next += 1000; // a slow poll skips slots, never bunches
        }
    }
}
