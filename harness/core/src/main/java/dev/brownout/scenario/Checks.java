package dev.brownout.scenario;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conduct checks: required ones decide the scenario's verdict, advisory ones make an answered run partial,
 * informational ones are only shown.
 *
 * @param informational checks shown in the reports and never scored
 * @param needs         for a check that only means something for a SUT with certain capabilities, those
 *                      capabilities; a check not named here needs none
 */
public record Checks(List<Check> required, List<Check> advisory, List<Check> informational,
                     Map<CheckKind, Set<SutCapability>> needs) {

    public static final Checks NONE = new Checks(List.of(), List.of());

    public Checks {
        required = required == null ? List.of() : List.copyOf(required);
        advisory = advisory == null ? List.of() : List.copyOf(advisory);
        informational = informational == null ? List.of() : List.copyOf(informational);
        Map<CheckKind, Set<SutCapability>> copy = new EnumMap<>(CheckKind.class);
        if (needs != null) {
            needs.forEach((kind, capabilities) -> {
                if (!capabilities.isEmpty()) {
                    copy.put(kind, Set.copyOf(EnumSet.copyOf(capabilities)));
                }
            });
        }
        needs = Map.copyOf(copy);
    }

    /** Required and advisory checks only, none of which needs a capability. */
    public Checks(List<Check> required, List<Check> advisory) {
        this(required, advisory, List.of(), Map.of());
    }

    /** The capabilities the SUT must have for a check of this kind to be judged; empty when it needs none. */
    public Set<SutCapability> capabilitiesFor(CheckKind kind) {
        return needs.getOrDefault(kind, Set.of());
    }

    /** Whether no check at all is declared. */
    public boolean isEmpty() {
        return required.isEmpty() && advisory.isEmpty() && informational.isEmpty();
    }

    Checks loadScaled(double factor) {
        return new Checks(required.stream().map(c -> c.loadScaled(factor)).toList(),
                advisory.stream().map(c -> c.loadScaled(factor)).toList(),
                informational.stream().map(c -> c.loadScaled(factor)).toList(), needs);
    }

    Checks scaled(double factor) {
        return new Checks(required.stream().map(c -> c.scaled(factor)).toList(),
                advisory.stream().map(c -> c.scaled(factor)).toList(),
                informational.stream().map(c -> c.scaled(factor)).toList(), needs);
    }
}
