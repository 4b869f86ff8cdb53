package dev.brownout.fakes.internal.exchange;

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
        return write(frames, true);
    }

    /**
     * Writes the last frames without flushing: they leave with the end of the response, after the
     * endpoint has recorded the call, so a client that saw the end of the stream finds it in the ledger.
     */
    boolean sendLast(String frames) {
        return write(frames, false);
    }

    private boolean write(String frames, boolean flush) {
        if (clientGone) {
            return false;
        }
        if (frames.isEmpty()) {
            return true;
        }
        try {
            out.write(frames.getBytes(StandardCharsets.UTF_8));
            if (flush) {
                out.flush();
            }
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
