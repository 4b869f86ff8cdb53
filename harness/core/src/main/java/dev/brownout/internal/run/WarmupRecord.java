package dev.brownout.internal.run;

/** The warm-up before the timeline: how long, how many tasks were sent and how many answered. */
public record WarmupRecord(long durationMs, long sent, long answered) {

    static final WarmupRecord NONE = new WarmupRecord(0, 0, 0);
}
