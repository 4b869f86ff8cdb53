package dev.brownout.reports;

import java.util.List;

/** Security findings; {@code count} is the number of findings, the gate {@code security_findings} reads it. */
public record Security(int count, List<Finding> findings) {

    public Security {
        findings = List.copyOf(findings);
    }
}
