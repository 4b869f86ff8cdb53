package dev.brownout.assertj;

import dev.brownout.reports.gate.Gate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a gate written on one line, a metric and its condition as a scenario's {@code gates:} section pairs them:
 * {@code iq_loss < 5%}, {@code p99_latency < 8s}, {@code cost_amplification < 1.3}. The condition is parsed by
 * {@link Gate#parse(String, String)}, the one parser every reader of gates uses.
 */
final class GateExpressions {

    private static final Pattern EXPRESSION = Pattern.compile("\\s*([A-Za-z0-9_]++)\\s*:?\\s*(\\S.*)");
    private static final String EXAMPLES = "\"iq_loss < 5%\", \"p99_latency < 8s\" or \"cost_amplification < 1.3\"";

    private GateExpressions() {
    }

    /**
     * @throws IllegalArgumentException naming the expression, what is wrong and what is valid: a missing condition, an
     *                                  unknown metric (with the known ones), a malformed condition or a wrong unit
     */
    static Gate parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a gate is a metric and a condition, e.g. " + EXAMPLES + ", not "
                    + (expression == null ? "null" : "a blank string"));
        }
        Matcher matcher = EXPRESSION.matcher(expression);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("gate '" + expression + "': write a metric and a condition, e.g. " + EXAMPLES);
        }
        try {
            return Gate.parse(matcher.group(1), matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gate '" + expression + "': " + e.getMessage(), e);
        }
    }
}
