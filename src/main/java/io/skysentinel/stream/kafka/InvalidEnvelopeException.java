package io.skysentinel.stream.kafka;

/**
 * A record that is not a valid envelope (docs/kafka.md); {@link #reason()} is a short token used as header value and
 * metric tag.
 */
public final class InvalidEnvelopeException extends Exception {
    private final String reason;

    public InvalidEnvelopeException(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
