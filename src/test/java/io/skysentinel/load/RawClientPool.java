package io.skysentinel.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link RawConnection} clients spread over a few {@link RawClientLoop} threads ({@code --threads}). */
final class RawClientPool implements LoadClients {
    private final LoadOptions o;
    private final LoadStats s;
    private final List<RawClientLoop> loops = new ArrayList<>();
    private final List<RawConnection> clients = new ArrayList<>();
    private final List<StalledClient> stalled = new ArrayList<>();

    RawClientPool(LoadOptions o, LoadStats s) {
        this.o = o;
        this.s = s;
        try {
            for (int i = 0; i < Math.max(1, o.threads()); i++) loops.add(new RawClientLoop("ws-load-raw-" + i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void connectOverRamp(URI uri, long t0, long windowStart, long windowEnd) throws InterruptedException {
        long rampMs = o.ramp().toMillis();
        for (int i = 0; i < o.clients(); i++) {
            long due = t0 + (o.clients() == 1 ? 0 : rampMs * i / o.clients());
            long wait = due - System.currentTimeMillis();
            if (wait > 0) Thread.sleep(wait);
            if (Math.floor((i + 1) * o.nonReaders()) > Math.floor(i * o.nonReaders())) {
                try { // every 1/nonReaders-th client never reads: measured by what it costs the others
                    stalled.add(StalledClient.open(uri));
                } catch (IOException e) {
                    s.error("non-reader connect failed: " + e);
                }
                continue;
            }
            FrameTally tally = new FrameTally(s, windowStart, windowEnd, o.wireFormat());
            try {
                String subscribe = o.regionDeg() > 0 ? RegionMix.subscribe(i, o.regionDeg()) : null;
                clients.add(loops.get(i % loops.size()).connect(uri, s, tally, subscribe));
            } catch (IOException e) {
                s.failed.incrementAndGet();
                s.error("connect failed: " + e);
            }
        }
    }

    @Override
    public int withoutDeltaInWindow() {
        int n = 0;
        for (RawConnection c : clients) if (c.open && c.tally.deltasInWindow == 0) n++;
        return n;
    }

    @Override
    public void closeAll() {
        for (RawClientLoop l : loops) l.closeAllGracefully();
        try {
            TimeUnit.SECONDS.sleep(2); // let the close handshakes go out and be answered
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RawClientLoop l : loops) l.stop();
        System.out.printf(
                "# non-readers: %d connected, %d still open at the end%n",
                stalled.size(), stalled.stream().filter(StalledClient::open).count());
        stalled.forEach(StalledClient::close);
    }
}
