package dev.brownout.internal.sut;

import dev.brownout.sut.SutReply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tool calls of one streamed reply, assembled from their pieces: every dialect streams a call as a first event
 * naming it and deltas of its arguments, keyed by a position in the reply.
 */
final class ToolCallParts {

    private final Map<Integer, Part> parts = new TreeMap<>();
    private final String emptyArguments;

    /** Calls whose arguments stream as pieces; a call that got none has {@code ""}. */
    ToolCallParts() {
        this("");
    }

    /** @param emptyArguments the arguments of a call that got no piece (Anthropic's {@code tool_use} input: {@code {}}) */
    ToolCallParts(String emptyArguments) {
        this.emptyArguments = emptyArguments;
    }

    private static final class Part {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();
        private String whole;
    }

    /** Adds to the call at {@code position}: its id and name when this event names them, a piece of its arguments. */
    void add(int position, String id, String name, String argumentsPiece) {
        Part part = parts.computeIfAbsent(position, key -> new Part());
        if (id != null && part.id == null) {
            part.id = id;
        }
        if (name != null && !name.isEmpty() && part.name == null) {
            part.name = name;
        }
        part.arguments.append(argumentsPiece);
    }

    /** The call's arguments whole, as an event that closes the call repeats them: they win over the pieces. */
    void whole(int position, String arguments) {
        if (arguments != null) {
            parts.computeIfAbsent(position, key -> new Part()).whole = arguments;
        }
    }

    boolean has(int position) {
        return parts.containsKey(position);
    }

    List<SutReply.ToolCall> calls() {
        List<SutReply.ToolCall> calls = new ArrayList<>();
        for (Part part : parts.values()) {
            String arguments = part.whole != null ? part.whole : part.arguments.toString();
            calls.add(new SutReply.ToolCall(part.id, part.name == null ? "" : part.name,
                    arguments.isEmpty() ? emptyArguments : arguments));
        }
        return calls;
    }
}
