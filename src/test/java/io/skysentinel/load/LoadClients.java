package io.skysentinel.load;

import java.net.URI;

/** The load tool's clients, whichever WebSocket implementation they use ({@code --client raw|jdk}). */
interface LoadClients {

    /** Connects the clients gradually over the ramp; returns when every connect has been issued. */
    void connectOverRamp(URI uri, long t0, long windowStart, long windowEnd) throws InterruptedException;

    /** Connected clients that got no delta in the window; read racily: a count, not a proof. */
    int withoutDeltaInWindow();

    /** Closes every client: a close handshake, then whatever is left is cut. */
    void closeAll();
}
