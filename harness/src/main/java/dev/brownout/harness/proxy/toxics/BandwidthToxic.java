package dev.brownout.harness.proxy.toxics;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits one direction of a connection to {@code rate} KB/s (1 KB = 1000 bytes). Sleep debt is
 * carried from chunk to chunk so timer error does not accumulate; chunks larger than 100 ms worth
 * of data go out in 100 ms pieces. Rate 0 holds data until the toxic changes, which is how
 * Testcontainers users "cut" a connection.
 */
final class BandwidthToxic implements ToxicType {

    private static final long PIECE_INTERVAL_NANOS = 100_000_000L;

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
        private long debtNanos;

        @Override
        public void onStart(Flow flow) {
            debtNanos = 0;
        }

        @Override
        public void onChunk(Chunk chunk, Flow flow) throws IOException {
            long rate = flow.attribute("rate");
            if (rate <= 0) {
                flow.hold();
                flow.emit(chunk);
                return;
            }
            debtNanos += chunk.length() * 1_000_000L / rate;
            long piece = Math.min(rate * 100, Integer.MAX_VALUE);
            int offset = 0;
            while (chunk.length() - offset > piece) {
                if (!flow.sleepUntil(System.nanoTime() + PIECE_INTERVAL_NANOS)) {
                    flow.emit(chunk.slice(offset, chunk.length()));
                    return;
                }
                flow.emit(chunk.slice(offset, offset + (int) piece));
                offset += (int) piece;
                debtNanos -= PIECE_INTERVAL_NANOS;
            }
            Chunk rest = offset == 0 ? chunk : chunk.slice(offset, chunk.length());
            long start = System.nanoTime();
            boolean slept = flow.sleepUntil(start + debtNanos);
            if (slept) {
                debtNanos -= System.nanoTime() - start;
            }
            flow.emit(rest);
        }
    }
}
