package io.skysentinel.core;

import java.util.List;

/**
 * The states seen during one time bucket [startMs, startMs + step), each flight at most once (its latest): how
 * history hands a stored range to the analytics that read it bucket by bucket (the workload trend, sectors over time).
 */
public record StateBucket(long startMs, List<Aircraft> states) {
    public StateBucket {
        states = List.copyOf(states);
    }
}
