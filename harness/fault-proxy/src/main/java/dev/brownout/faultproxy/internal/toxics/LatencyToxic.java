package dev.brownout.faultproxy.internal.toxics;

import java.io.IOException;
import java.util.List;

/**
 * Delays every chunk by {@code latency} ms plus a uniform draw in [-jitter, +jitter) ms, counted
 * from the chunk's arrival, so a full pipeline does not lower throughput and stacked latency
 * toxics add up. Chunks never overtake each other.
 */
final class LatencyToxic implements ToxicType {

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public List<String> attributes() {
        return List.of("latency", "jitter");
    }

    @Override
    public String goStruct() {
        return "LatencyToxic";
    }

    @Override
    public boolean buffersChunks() {
        return true;
    }

    @Override
    public ToxicBehaviour newBehaviour() {
        return (chunk, flow) -> delay(chunk, flow);
    }

    private static void delay(Chunk chunk, Flow flow) throws IOException {
        long delayMs = flow.attribute("latency");
        long jitter = flow.attribute("jitter");
        if (jitter > 0) {
            delayMs += flow.random().nextLong(-jitter, jitter);
        }
        long release = chunk.arrivedNanos() + delayMs * 1_000_000L;
        if (flow.sleepUntil(release)) {
            flow.emit(chunk.withArrival(release));
        } else {
            flow.emit(chunk);
        }
    }
}
