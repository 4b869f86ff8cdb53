package dev.brownout.fakes.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes and flushes server-sent event frames one at a time, noticing when the client has gone. */
final class SseWriter {

    private final OutputStream out;
    private boolean clientGone;

    SseWriter(OutputStream out) {
        this.out = out;
    }

    /** Sends a frame now; returns false once the client has disconnected. */
    boolean send(String frames) {
        if (clientGone) {
            return false;
        }
        if (frames.isEmpty()) {
            return true;
        }
        try {
            out.write(frames.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            clientGone = true;
            return false;
        }
    }

    boolean clientGone() {
        return clientGone;
    }
}
