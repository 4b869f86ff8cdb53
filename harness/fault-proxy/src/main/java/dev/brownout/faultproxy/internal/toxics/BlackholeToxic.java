package dev.brownout.faultproxy.internal.toxics;

import java.util.List;

/**
 * Brownout extension: a hung peer. On a connection it is drawn for, the upstream is never dialled
 * (or is dropped, for a live connection), everything the client sends is swallowed and nothing is
 * ever sent back or closed from the proxy's side. Removing it closes those connections. The name
 * contains a dot, which no Toxiproxy toxic type uses, so it cannot clash with a future one.
 */
public final class BlackholeToxic implements ToxicType {

    public static final String NAME = "brownout.blackhole";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> attributes() {
        return List.of();
    }

    @Override
    public String goStruct() {
        return "BlackholeToxic";
    }

    @Override
    public boolean extension() {
        return true;
    }

    @Override
    public ToxicBehaviour newBehaviour() {
        return (chunk, flow) -> {
        };
    }
}
