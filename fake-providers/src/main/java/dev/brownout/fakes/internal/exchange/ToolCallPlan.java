package dev.brownout.fakes.internal.exchange;

import java.util.List;

/** A function call to send: its id, name, and the arguments JSON cut into output-token pieces. */
public record ToolCallPlan(String id, String name, List<String> argumentPieces) {

    public ToolCallPlan {
        argumentPieces = List.copyOf(argumentPieces);
    }

    public String arguments() {
        return String.join("", argumentPieces);
    }
}
