package dev.brownout.faultproxy.internal.toxics;

import java.io.IOException;

/**
 * The per-link instance of a toxic. It is driven by a single thread, so it may keep plain state
 * (a byte counter, a timer) without synchronisation; the state survives updates of the toxic.
 */
public interface ToxicBehaviour {

    /** Runs when the toxic starts on a link: on connect, when added, and after every update. */
    default void onStart(Flow flow) {
    }

    void onChunk(Chunk chunk, Flow flow) throws IOException;

    default void onEnd(Flow flow) throws IOException {
        flow.emitEnd();
    }

    default void onTimer(Flow flow) {
    }
}
