package dev.brownout.faultproxy.internal.toxics;

import java.util.List;

/**
 * Reads and discards all data in its direction. With {@code timeout} > 0 the connection closes
 * once that many ms pass without a chunk arriving; 0 never closes. Removing it closes the
 * connections it was on, since their stream lost data.
 */
final class TimeoutToxic implements ToxicType {

    @Override
    public String name() {
        return "timeout";
    }

    @Override
    public List<String> attributes() {
        return List.of("timeout");
    }

    @Override
    public String goStruct() {
        return "TimeoutToxic";
    }

    @Override
    public boolean closesConnectionsOnRemoval() {
        return true;
    }

    @Override
    public ToxicBehaviour newBehaviour() {
        return new ToxicBehaviour() {
            @Override
            public void onStart(Flow flow) {
                rearm(flow);
            }

            @Override
            public void onChunk(Chunk chunk, Flow flow) {
                rearm(flow);
            }

            @Override
            public void onEnd(Flow flow) {
                flow.closeConnection();
            }

            @Override
            public void onTimer(Flow flow) {
                flow.closeConnection();
            }
        };
    }

    private static void rearm(Flow flow) {
        long timeout = flow.attribute("timeout");
        if (timeout > 0) {
            flow.armTimer(System.nanoTime() + timeout * 1_000_000L);
        } else {
            flow.disarmTimer();
        }
    }
}
