package dev.brownout.faultproxy.internal.toxics;

import java.io.IOException;
import java.util.List;

/**
 * Forwards at most {@code bytes} bytes in its direction, then closes the connection. The count is
 * kept per link and survives updates of the toxic.
 */
final class LimitDataToxic implements ToxicType {

    @Override
    public String name() {
        return "limit_data";
    }

    @Override
    public List<String> attributes() {
        return List.of("bytes");
    }

    @Override
    public String goStruct() {
        return "LimitDataToxic";
    }

    @Override
    public ToxicBehaviour newBehaviour() {
        return new ToxicBehaviour() {
            private long forwarded;

            @Override
            public void onChunk(Chunk chunk, Flow flow) throws IOException {
                long remaining = flow.attribute("bytes") - forwarded;
                if (remaining <= 0) {
                    flow.closeConnection();
                    return;
                }
                if (chunk.length() < remaining) {
                    forwarded += chunk.length();
                    flow.emit(chunk);
                    return;
                }
                flow.emit(chunk.slice(0, (int) remaining));
                forwarded += remaining;
                flow.closeConnection();
            }
        };
    }
}
