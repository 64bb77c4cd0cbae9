package io.skysentinel.source.vatsim;

/** A body that is not a usable document (feed or status): nothing of it is used. */
final class MalformedFeedException extends RuntimeException {

    /** The {@code kind} tag of {@code skysentinel_vatsim_feed_errors_total}. */
    final String kind;

    MalformedFeedException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    MalformedFeedException(String kind, String message) {
        this(kind, message, null);
    }
}
