package dev.brownout.scenario;

import java.time.Duration;

/**
 * One conduct check with its setting: a {@link Boolean} (on or off), a {@link Long}, a {@link Double}
 * or a {@link Duration}, as {@link CheckKind#setting()} says.
 */
public record Check(CheckKind kind, Object setting) {

    public Check {
        boolean fits = switch (kind.setting()) {
            case FLAG -> setting instanceof Boolean;
            case WHOLE_NUMBER -> setting instanceof Long n && n >= 1;
            case NUMBER -> setting instanceof Double d && d > 0 && !d.isInfinite();
            case DURATION -> setting instanceof Duration d && !d.isNegative();
        };
        if (!fits) {
            throw new IllegalArgumentException(kind.label() + " takes " + switch (kind.setting()) {
                case FLAG -> "true or false";
                case WHOLE_NUMBER -> "a whole number >= 1";
                case NUMBER -> "a number > 0";
                case DURATION -> "a duration like 30s";
            });
        }
    }

    /** Only a per-second amount of attempts grows and shrinks with the load. */
    Check loadScaled(double factor) {
        return setting instanceof Double perSecond ? new Check(kind, perSecond * factor) : this;
    }

    /** Durations scale with the clock, per-second limits inversely; flags and counts stay. */
    Check scaled(double factor) {
        return switch (setting) {
            case Duration d -> new Check(kind, TimeScale.time(d, factor));
            case Double d -> new Check(kind, d / factor);
            default -> this;
        };
    }
}
