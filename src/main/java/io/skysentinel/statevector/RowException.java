package io.skysentinel.statevector;

/** One row is unusable; the parser skips and counts it. No stack trace: it is expected data trouble, and cheap. */
final class RowException extends RuntimeException {
    RowException(String message) {
        super(message, null, false, false);
    }
}
