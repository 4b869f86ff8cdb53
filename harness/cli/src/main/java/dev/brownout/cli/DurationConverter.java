package dev.brownout.cli;

import dev.brownout.fakes.config.DurationText;
import picocli.CommandLine;

import java.time.Duration;

/** Reads a duration option as scenario files write them: {@code 500ms}, {@code 5s}, {@code 2m}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; write it like 500ms, 5s or 2m");
        }
    }
}
