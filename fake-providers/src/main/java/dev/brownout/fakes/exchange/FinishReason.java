package dev.brownout.fakes.exchange;

/** Why a choice ended; each dialect spells it its own way. */
public enum FinishReason {
    STOP,
    LENGTH,
    TOOL_CALLS
}
