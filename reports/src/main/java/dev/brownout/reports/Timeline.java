package dev.brownout.reports;

import java.util.List;

/** The run cut into windows of {@code windowMs}, for charts and for time to failover and recover. */
public record Timeline(long windowMs, List<Window> windows) {

    public Timeline {
        windows = List.copyOf(windows);
    }
}
