package io.skysentinel.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

/** Reading an upstream's response body with a bound, for the HTTP pollers (OpenSky, VATSIM). */
public final class HttpBodies {

    private HttpBodies() {}

    /**
     * The body, inflated when the server sent it gzip'ed, at most {@code maxBytes} after inflating.
     *
     * @throws IOException when reading fails or the body is larger than {@code maxBytes}
     */
    public static byte[] readBounded(HttpResponse<?> response, InputStream raw, int maxBytes) throws IOException {
        boolean gzip = response.headers()
                .firstValue("Content-Encoding")
                .map(v -> v.equalsIgnoreCase("gzip"))
                .orElse(false);
        InputStream in = gzip ? new GZIPInputStream(raw) : raw;
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) throw new IOException("body larger than " + maxBytes + " bytes");
        return body;
    }

    /** Closes a body stream that is being abandoned (a timeout, an error); a failure to close changes nothing. */
    public static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // abandoning the stream anyway
        }
    }
}
