package dev.brownout.faultproxy.internal.toxics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A kind of toxic: its wire name, its integer attributes and how it behaves on a link. */
public interface ToxicType {

    String name();

    /** Attribute names in the order Toxiproxy emits them. */
    List<String> attributes();

    /** Name of the Go struct Toxiproxy decodes into, for error messages that match its wording. */
    String goStruct();

    /** A reason to refuse the attributes with a 400, for values that crash or hang Toxiproxy. */
    default Optional<String> refusal(Map<String, Long> attributes) {
        return Optional.empty();
    }

    /** Whether removing this toxic closes the connections it was on (their stream is corrupt). */
    default boolean closesConnectionsOnRemoval() {
        return false;
    }

    /** Whether this toxic buffers many chunks so it does not throttle throughput. */
    default boolean buffersChunks() {
        return false;
    }

    /** Brownout extensions are hidden from listings unless the client asks for them. */
    default boolean extension() {
        return false;
    }

    ToxicBehaviour newBehaviour();
}
