package io.skysentinel.hub;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;

/**
 * A follower's meters, {@code skysentinel.hub.follower.*{hub, follower}}. A follower that replaces an earlier one of
 * the same name gets the meters afresh: Micrometer would otherwise keep reporting the first one it was given.
 */
final class FollowerMeters {

    private FollowerMeters() {}

    static void register(MeterRegistry meters, String hub, Follower<?> f, Clock clock) {
        Tags tags = Tags.of("hub", hub, "follower", f.name());
        for (String name : new String[] {"dropped", "offered", "depth", "lag"}) {
            var old = meters.find("skysentinel.hub.follower." + name).tags(tags).meter();
            if (old != null) meters.remove(old);
        }
        FunctionCounter.builder("skysentinel.hub.follower.dropped", f, Follower::dropped)
                .tags(tags)
                .description("Updates dropped because the follower's queue was full")
                .register(meters);
        FunctionCounter.builder("skysentinel.hub.follower.offered", f, Follower::offered)
                .tags(tags)
                .description("Updates offered to the follower")
                .register(meters);
        Gauge.builder("skysentinel.hub.follower.depth", f, Follower::depth)
                .tags(tags)
                .description("Updates waiting in the follower's queue")
                .register(meters);
        Gauge.builder("skysentinel.hub.follower.lag", f, x -> x.lagMs(clock.millis()))
                .baseUnit("milliseconds")
                .tags(tags)
                .description("How long the oldest waiting update has waited")
                .register(meters);
    }
}
