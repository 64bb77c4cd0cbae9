package io.skysentinel.statevector;

/** The whole body is unusable (not JSON, truncated, no {@code time}); the caller keeps its last good picture. */
public class MalformedBodyException extends RuntimeException {
    public MalformedBodyException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedBodyException(String message) {
        super(message);
    }
}
