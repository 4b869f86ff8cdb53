package dev.brownout.scenario;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Arrivals per unit of time, written {@code 20/s}, {@code 300/min} or {@code 1000/h}. */
public record Rate(double amount, Per per) {

    public enum Per {
        SECOND("s", 1), MINUTE("min", 60), HOUR("h", 3600);

        private final String label;
        private final int seconds;

        Per(String label, int seconds) {
            this.label = label;
            this.seconds = seconds;
        }

        public String label() {
            return label;
        }
    }

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|min|h)\\s*");

    public Rate {
        if (per == null || !(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("a rate must be more than 0 per unit of time, like 20/s or 300/min");
        }
    }

    /** Parses {@code 20/s}, {@code 300/min}, {@code 1000/h}; the message says what is accepted. */
    public static Rate parse(String text) {
        Matcher matcher = text == null ? null : TEXT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate; write it like 20/s, 300/min or 1000/h");
        }
        Per per = switch (matcher.group(2)) {
            case "s" -> Per.SECOND;
            case "min" -> Per.MINUTE;
            default -> Per.HOUR;
        };
        return new Rate(Double.parseDouble(matcher.group(1)), per);
    }

    public double perSecond() {
        return amount / per.seconds;
    }

    /** Same unit, {@code 1 / factor} times the amount, so a faster clock keeps the same arrivals per run. */
    Rate scaled(double factor) {
        return new Rate(amount / factor, per);
    }

    /** Same unit, {@code factor} times the amount. */
    Rate loadScaled(double factor) {
        return new Rate(amount * factor, per);
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString() + "/" + per.label;
    }
}
