package dev.brownout.fakes.internal.exchange;

/**
 * A request for a {@link ReplySource} to answer.
 *
 * @param wire         the wire format it arrived in, which the answer is sent in
 * @param request      the request as the wire format read it
 * @param body         the request body exactly as the client sent it
 * @param exchange     the client's exchange, for its headers (the answer is the endpoint's to write)
 * @param replyId      the id the answer is to carry
 * @param arrivalNanos when the request arrived, on {@link System#nanoTime()}
 */
public record SourcedRequest(Dialect wire, ChatRequest request, byte[] body, Exchange exchange, String replyId,
                             long arrivalNanos) {

    /** The planner's count of the prompt's tokens, for a source that learns none from its answer. */
    public int countedInputTokens() {
        int total = 3;
        for (ChatMessage message : request.messages()) {
            total += 4 + wire.tokens().count(message.text());
        }
        return total;
    }
}
