package io.skysentinel.source.replay;

import io.skysentinel.core.Aircraft;
import java.util.List;

/** What one non-blank line of a recording turned out to be. */
public sealed interface ReplayLine {

    long lineNumber();

    /**
     * A body that parsed, with times already shifted for the loop it belongs to.
     *
     * @param index        1-based count of frames read so far, over all loops
     * @param loop         0 for the first pass through the file
     * @param timeMs       the body's {@code time} (shifted), epoch ms
     * @param rejectedRows rows the parser skipped as malformed
     */
    record Frame(
            long index,
            int loop,
            long lineNumber,
            long timeMs,
            List<Aircraft> aircraft,
            int rejectedRows,
            List<String> rowErrors)
            implements ReplayLine {}

    /** A line that is not a usable body (truncated, wrong types, too long); the replay skips it. */
    record Malformed(int loop, long lineNumber, String reason) implements ReplayLine {}
}
