package io.skysentinel.hub;

import io.skysentinel.core.LiveEntity;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one {@link UpdateHandler} from its {@link Follower} on a thread of its own: takes up to {@code batchMax}
 * updates, hands them over, and when the handler throws (a database outage) offers the same updates again after an
 * exponential backoff (1 s doubling to 30 s) while the follower's queue absorbs — and, beyond its bound, drops and
 * counts — what arrives meanwhile. Losses are reported to the handler with the current picture. With a linger, a
 * take that finds fewer than {@code batchMax} updates waits up to the linger for more (larger COPY batches).
 */
public final class FollowerRunner<E extends LiveEntity> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FollowerRunner.class);
    private static final long TAKE_WAIT_MS = 200;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final Follower<E> queue;
    private final UpdateHandler<E> handler;
    private final Supplier<Collection<E>> picture;
    private final int batchMax;
    private final long lingerMs;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long failures;
    private List<Update<E>> pending; // runner thread only: what to hand over (again, after a failure)
    private long pendingLost;

    public FollowerRunner(
            Follower<E> queue, UpdateHandler<E> handler, Supplier<Collection<E>> picture, int batchMax, long lingerMs) {
        if (batchMax < 1) throw new IllegalArgumentException("batchMax must be >= 1");
        this.queue = queue;
        this.handler = handler;
        this.picture = picture;
        this.batchMax = batchMax;
        this.lingerMs = lingerMs;
        this.thread =
                Thread.ofPlatform().name("follow-" + queue.name()).daemon().unstarted(this::run);
    }

    public FollowerRunner<E> start() {
        thread.start();
        return this;
    }

    private void run() {
        long backoff = 0;
        while (running) {
            try {
                if (!step()) continue;
                if (backoff > 0) log.info("Follower {} is handling updates again", queue.name());
                backoff = 0;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failures++;
                if (backoff == 0) log.warn("Follower {} failed; retrying with backoff: {}", queue.name(), e.toString());
                backoff = backoff == 0 ? 1_000 : Math.min(backoff * 2, MAX_BACKOFF_MS);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** One round; false when there was nothing to do. */
    private boolean step() throws Exception {
        if (pending == null) {
            Follower.Taken<E> t = next();
            if (t.updates().isEmpty() && t.lost() == 0) {
                handler.idle();
                return false;
            }
            pending = t.updates();
            pendingLost = t.lost();
        }
        if (!pending.isEmpty()) handler.handle(pending);
        pending = List.of();
        // After the updates that did arrive (a removal that came through still counts as what it was), the handler
        // catches up with the picture for what was lost before them.
        if (pendingLost > 0) handler.lost(pendingLost, picture.get());
        pending = null;
        pendingLost = 0;
        return true;
    }

    /** The next updates, lingering for more up to the linger when there are fewer than batchMax. */
    private Follower.Taken<E> next() throws InterruptedException {
        Follower.Taken<E> t = queue.take(batchMax, TAKE_WAIT_MS);
        if (t.updates().isEmpty() || t.updates().size() >= batchMax || lingerMs <= 0 || !running) return t;
        List<Update<E>> out = new ArrayList<>(t.updates());
        long lost = t.lost();
        long deadline = System.nanoTime() + lingerMs * 1_000_000;
        long left;
        try {
            while (out.size() < batchMax && (left = deadline - System.nanoTime()) > 0) {
                Follower.Taken<E> more = queue.take(batchMax - out.size(), Math.max(1, left / 1_000_000));
                lost += more.lost();
                out.addAll(more.updates());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: keep what was taken, close() hands it over
        }
        return new Follower.Taken<>(out, lost);
    }

    /** Handle attempts that threw, since start. */
    public long failures() {
        return failures;
    }

    /** Stops the thread, then makes one last attempt to hand over what is still queued. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
            queue.close();
            while (step()) {
                // the queue is closed: it hands out what is left, then nothing
            }
        } catch (Exception e) {
            log.warn(
                    "Follower {} stopped with {} updates not handled: {}",
                    queue.name(),
                    queue.depth() + (pending == null ? 0 : pending.size()),
                    e.toString());
        }
    }
}
