package dev.brownout.faultproxy.internal.toxics;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits one direction of a connection to {@code rate} KB/s (1 KB = 1000 bytes). Release times
 * follow a virtual clock: a chunk is due len/rate ms after the later of the previous chunk's due
 * time and its own arrival, so timer overshoot, scheduling delays and time spent writing do not
 * add up over a transfer, while an idle sender earns no credit. Chunks larger than 100 ms worth of
 * data go out in 100 ms pieces, as in Toxiproxy. Rate 0 holds data until the toxic changes, which is how
 * Testcontainers users "cut" a connection.
 */
final class BandwidthToxic implements ToxicType {

    @Override
    public String name() {
        return "bandwidth";
    }

    @Override
    public List<String> attributes() {
        return List.of("rate");
    }

    @Override
    public String goStruct() {
        return "BandwidthToxic";
    }

    @Override
    public Optional<String> refusal(Map<String, Long> attributes) {
        return attributes.get("rate") < 0
                ? Optional.of("rate must be 0 or more KB/s (a negative rate crashes Toxiproxy)")
                : Optional.empty();
    }

    @Override
    public ToxicBehaviour newBehaviour() {
        return new Throttle();
    }

    private static final class Throttle implements ToxicBehaviour {
        private long dueNanos;
        private boolean started;

        @Override
        public void onStart(Flow flow) {
            started = false;
        }

        @Override
        public void onChunk(Chunk chunk, Flow flow) throws IOException {
            long rate = flow.attribute("rate");
            if (rate <= 0) {
                flow.hold();
                flow.emit(chunk);
                return;
            }
            if (!started || dueNanos - chunk.arrivedNanos() < 0) {
                dueNanos = chunk.arrivedNanos();
                started = true;
            }
            int piece = (int) Math.min(rate * 100, Integer.MAX_VALUE);
            int offset = 0;
            while (offset < chunk.length()) {
                int end = (int) Math.min(chunk.length(), (long) offset + piece);
                dueNanos += (end - offset) * 1_000_000L / rate;
                if (!flow.sleepUntil(dueNanos)) {
                    flow.emit(chunk.slice(offset, chunk.length()));
                    return;
                }
                flow.emit(offset == 0 && end == chunk.length() ? chunk : chunk.slice(offset, end));
                offset = end;
            }
        }
    }
}
