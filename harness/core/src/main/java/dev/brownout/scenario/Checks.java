package dev.brownout.scenario;

import java.util.List;

/** Conduct checks: required ones decide the scenario's verdict, advisory ones are only reported. */
public record Checks(List<Check> required, List<Check> advisory) {

    public static final Checks NONE = new Checks(List.of(), List.of());

    public Checks {
        required = required == null ? List.of() : List.copyOf(required);
        advisory = advisory == null ? List.of() : List.copyOf(advisory);
    }

    Checks loadScaled(double factor) {
        return new Checks(required.stream().map(c -> c.loadScaled(factor)).toList(),
                advisory.stream().map(c -> c.loadScaled(factor)).toList());
    }

    Checks scaled(double factor) {
        return new Checks(required.stream().map(c -> c.scaled(factor)).toList(),
                advisory.stream().map(c -> c.scaled(factor)).toList());
    }
}
