package dev.brownout.harness.world;

import dev.brownout.harness.scenario.Toxic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One toxic as the Toxiproxy API takes it, named after the phase and its place in the phase. */
record ToxicSpec(String name, Toxic toxic) {

    /** Names {@code <phase>-<index>-<kind>}, so the same phase always sets the same names. */
    static List<ToxicSpec> forPhase(String phase, List<Toxic> toxics) {
        return java.util.stream.IntStream.range(0, toxics.size())
                .mapToObj(i -> new ToxicSpec(phase + "-" + i + "-" + toxics.get(i).kind().label(), toxics.get(i)))
                .toList();
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", toxic.kind().toxiproxyType());
        body.put("stream", toxic.stream().label().toLowerCase(Locale.ROOT));
        body.put("toxicity", toxic.toxicity());
        body.put("attributes", new LinkedHashMap<>(toxic.attributes()));
        return body;
    }
}
