package dev.brownout.internal.world;

import dev.brownout.scenario.Toxic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** One toxic as the Toxiproxy API takes it, named after its phase and its place in the phase. */
record NamedToxic(String name, Toxic toxic) {

    /** Names {@code <phase>-<index>-<kind>}, so the same phase always sets the same names. */
    static List<NamedToxic> forPhase(String phase, List<Toxic> toxics) {
        return IntStream.range(0, toxics.size())
                .mapToObj(i -> new NamedToxic(phase + "-" + i + "-" + toxics.get(i).kind().label(), toxics.get(i)))
                .toList();
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", toxic.kind().toxiproxyType());
        body.put("stream", toxic.stream().label());
        body.put("toxicity", toxic.toxicity());
        body.put("attributes", new LinkedHashMap<>(toxic.attributes()));
        return body;
    }
}
