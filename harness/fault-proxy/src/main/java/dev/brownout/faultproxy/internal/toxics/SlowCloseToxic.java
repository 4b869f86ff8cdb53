package dev.brownout.faultproxy.internal.toxics;

import java.io.IOException;
import java.util.List;

/** Leaves data alone but delays passing end-of-stream on by {@code delay} ms. */
final class SlowCloseToxic implements ToxicType {

    @Override
    public String name() {
        return "slow_close";
    }

    @Override
    public List<String> attributes() {
        return List.of("delay");
    }

    @Override
    public String goStruct() {
        return "SlowCloseToxic";
    }

    @Override
    public ToxicBehaviour newBehaviour() {
        return new ToxicBehaviour() {
            @Override
            public void onChunk(Chunk chunk, Flow flow) throws IOException {
                flow.emit(chunk);
            }

            @Override
            public void onEnd(Flow flow) throws IOException {
                // An update restarts the wait with the new delay; removal lets the close through.
                long deadline = System.nanoTime() + flow.attribute("delay") * 1_000_000L;
                while (!flow.sleepUntil(deadline) && !flow.removed()) {
                    deadline = System.nanoTime() + flow.attribute("delay") * 1_000_000L;
                }
                flow.emitEnd();
            }
        };
    }
}
