package dev.brownout.gateways;

import java.io.IOException;

/** The server-sent events a streamed answer sends the caller, one at a time. */
public interface ChatEvents {

    /**
     * The next event as its lines joined by newlines, without the blank line that ends it; null when the
     * stream is over. An IOException means the upstream's stream broke.
     */
    String next() throws IOException;
}
