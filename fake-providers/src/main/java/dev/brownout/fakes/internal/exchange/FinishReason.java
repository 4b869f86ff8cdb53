package dev.brownout.fakes.internal.exchange;

/** Why a choice ended; each dialect spells it its own way. */
public enum FinishReason {
    STOP,
    LENGTH,
    TOOL_CALLS
}
