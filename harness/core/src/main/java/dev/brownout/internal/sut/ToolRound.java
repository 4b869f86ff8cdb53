package dev.brownout.internal.sut;

import dev.brownout.sut.SutReply;

import java.util.List;
import java.util.Objects;

/**
 * One round of a tool loop: a model reply that called tools, and the results the harness sends back for them.
 *
 * @param reply   the model's reply; its {@link SutReply#toolCalls()} are the calls answered
 * @param replyId the id the server gave the reply ({@code resp_...}), by which the Responses API continues a
 *                conversation; null when it gave none
 * @param results one result per tool call, in the calls' order
 */
public record ToolRound(SutReply reply, String replyId, List<String> results) {

    public ToolRound {
        Objects.requireNonNull(reply, "a reply");
        results = List.copyOf(results);
        if (results.size() != reply.toolCalls().size()) {
            throw new IllegalArgumentException("a round needs one result per tool call: " + reply.toolCalls().size()
                    + " calls, " + results.size() + " results");
        }
    }
}
