package dev.brownout.scenario;

import java.util.List;

/**
 * What the fault proxy in front of a target does during a phase.
 *
 * @param down   the proxy is disabled: new connections are refused, open ones closed
 * @param toxics the toxics on it, in order
 */
public record NetworkFaults(boolean down, List<Toxic> toxics) {

    public NetworkFaults {
        toxics = toxics == null ? List.of() : List.copyOf(toxics);
    }

    NetworkFaults scaled(double factor) {
        return new NetworkFaults(down, toxics.stream().map(toxic -> toxic.scaled(factor)).toList());
    }
}
