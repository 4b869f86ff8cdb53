package dev.brownout.faultproxy.internal.toxics;

import java.util.List;

/** Passes data through unchanged; Toxiproxy registers it and clients may create it. */
final class NoopToxic implements ToxicType {

    @Override
    public String name() {
        return "noop";
    }

    @Override
    public List<String> attributes() {
        return List.of();
    }

    @Override
    public String goStruct() {
        return "NoopToxic";
    }

    @Override
    public ToxicBehaviour newBehaviour() {
        return (chunk, flow) -> flow.emit(chunk);
    }
}
