package dev.brownout.gateways;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Splits an upstream's server-sent events stream into events, each kept as its raw lines. */
public final class SseEventReader implements ChatEvents {

    /** An event larger than this is a broken stream, not an event. */
    static final int MAX_EVENT_CHARS = 4 * 1024 * 1024;

    private final BufferedReader lines;

    public SseEventReader(InputStream body) {
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** The next event's lines joined by newlines, without the blank line that ends it; null at the end of the stream. */
    @Override
    public String next() throws IOException {
        StringBuilder event = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (!event.isEmpty()) {
                    return event.toString();
                }
                continue;
            }
            if (event.length() + line.length() > MAX_EVENT_CHARS) {
                throw new IOException("an event of more than " + MAX_EVENT_CHARS + " characters");
            }
            if (!event.isEmpty()) {
                event.append('\n');
            }
            event.append(line);
        }
        return event.isEmpty() ? null : event.toString();
    }
}
