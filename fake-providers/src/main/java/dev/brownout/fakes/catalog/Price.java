package dev.brownout.fakes.catalog;

import java.math.BigDecimal;
import java.math.MathContext;

/** USD per one million input and output tokens. */
public record Price(BigDecimal input, BigDecimal output) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public Price {
        if (input == null || input.signum() < 0 || output == null || output.signum() < 0) {
            throw new IllegalArgumentException("prices must be >= 0 USD per 1M tokens");
        }
    }

    public static Price perMillion(double input, double output) {
        return new Price(BigDecimal.valueOf(input), BigDecimal.valueOf(output));
    }

    /** The cost in USD of the tokens actually sent. */
    public BigDecimal cost(long inputTokens, long outputTokens) {
        return input.multiply(BigDecimal.valueOf(inputTokens))
                .add(output.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, MathContext.DECIMAL64);
    }
}
