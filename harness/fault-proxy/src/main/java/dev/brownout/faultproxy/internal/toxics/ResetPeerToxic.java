package dev.brownout.faultproxy.internal.toxics;

import java.io.IOException;
import java.util.List;

/**
 * On the first chunk (or end-of-stream) in its direction: discards it, waits {@code timeout} ms,
 * then closes the connection with a TCP reset. Unlike Toxiproxy the wait is interruptible: an
 * update restarts it with the new timeout and removal cancels the reset and lets the chunk through.
 */
final class ResetPeerToxic implements ToxicType {

    @Override
    public String name() {
        return "reset_peer";
    }

    @Override
    public List<String> attributes() {
        return List.of("timeout");
    }

    @Override
    public String goStruct() {
        return "ResetToxic";
    }

    @Override
    public ToxicBehaviour newBehaviour() {
        return new ToxicBehaviour() {
            @Override
            public void onChunk(Chunk chunk, Flow flow) throws IOException {
                if (waitForReset(flow)) {
                    flow.resetConnection();
                } else {
                    flow.emit(chunk);
                }
            }

            @Override
            public void onEnd(Flow flow) throws IOException {
                if (waitForReset(flow)) {
                    flow.resetConnection();
                } else {
                    flow.emitEnd();
                }
            }
        };
    }

    private static boolean waitForReset(Flow flow) throws IOException {
        long deadline = System.nanoTime() + flow.attribute("timeout") * 1_000_000L;
        while (!flow.sleepUntil(deadline)) {
            if (flow.removed()) {
                return false;
            }
            deadline = System.nanoTime() + flow.attribute("timeout") * 1_000_000L;
        }
        return true;
    }
}
