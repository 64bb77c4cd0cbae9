package io.skysentinel.app;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Update;
import io.skysentinel.core.UpdateHandler;
import java.util.List;

/**
 * The history role's handler of flights.updates: the analytics first, then the history writer, which writes the
 * positions and then the movements and events the analytics just produced (they wait in its recorder). When the
 * writer throws, the consumer offers the same list again: the analytics saw it already and are not run twice.
 */
final class HistoryUpdates implements UpdateHandler<Aircraft> {

    private final UpdateHandler<Aircraft> analytics; // null with ANALYTICS_ENABLED=false
    private final UpdateHandler<Aircraft> writer;
    private List<Update<Aircraft>> analysed;

    HistoryUpdates(UpdateHandler<Aircraft> analytics, UpdateHandler<Aircraft> writer) {
        this.analytics = analytics;
        this.writer = writer;
    }

    @Override
    public void handle(List<Update<Aircraft>> updates) throws Exception {
        if (analytics != null && updates != analysed) {
            analytics.handle(updates);
            analysed = updates;
        }
        writer.handle(updates);
        analysed = null;
    }

    @Override
    public void idle() throws Exception {
        writer.idle();
    }
}
