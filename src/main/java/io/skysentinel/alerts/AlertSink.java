package io.skysentinel.alerts;

/**
 * Where the evaluator hands alerts: the fired-alert log, the WebSocket relay, the webhook queue. Called on the
 * evaluator's thread: implementations must not block (hand off to a bounded queue, count what does not fit).
 */
@FunctionalInterface
public interface AlertSink {
    void accept(Alert alert);
}
