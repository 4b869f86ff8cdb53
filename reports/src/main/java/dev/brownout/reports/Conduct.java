package dev.brownout.reports;

import java.util.List;

/** The conduct checks the scenario declares and the verdict they give. */
public record Conduct(Verdict verdict, List<CheckResult> checks) {

    public Conduct {
        checks = List.copyOf(checks);
    }
}
