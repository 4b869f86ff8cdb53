package dev.brownout.fakes.internal.cassette;

import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.ErrorReply;
import dev.brownout.fakes.internal.exchange.FinishReason;
import dev.brownout.fakes.internal.exchange.Reply;
import dev.brownout.fakes.internal.exchange.SourcedRequest;
import dev.brownout.fakes.internal.exchange.ToolCallPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A recorded exchange turned into what the fake sends: a reply in its own plan, or the upstream's error. */
final class RecordedAnswers {

    private RecordedAnswers() {
    }

    static ErrorReply error(int status, RecordedExchange.Error error) {
        ErrorReply reply = new ErrorReply(status, error.message(), error.param(), error.code())
                .withHeaders(error.headers());
        return error.type() == null ? reply : reply.withType(error.type());
    }

    /**
     * The reply the fake sends for a recorded answer: each choice's text (or tool call arguments) cut into the
     * wire format's own token pieces, the upstream's input token count when it sent one. Correctness is the
     * harness's to grade from the text, so the ledger carries none.
     */
    static Reply reply(RecordedExchange exchange, SourcedRequest request) {
        List<ChoicePlan> choices = new ArrayList<>();
        for (RecordedExchange.Choice choice : exchange.choices()) {
            FinishReason finish = FinishReason.valueOf(choice.finishReason().toUpperCase(Locale.ROOT));
            RecordedExchange.ToolCall call = choice.toolCall();
            if (call != null) {
                choices.add(new ChoicePlan(choice.index(), List.of(), new ToolCallPlan(call.id(), call.name(),
                        request.wire().tokens().pieces(call.arguments())), finish, null));
            } else {
                choices.add(new ChoicePlan(choice.index(), request.wire().tokens().pieces(choice.text()), null, finish,
                        null));
            }
        }
        Integer upstreamInput = exchange.usage() == null ? null : exchange.usage().inputTokens();
        int inputTokens = upstreamInput != null ? upstreamInput : request.countedInputTokens();
        return new Reply(request.replyId(), System.currentTimeMillis() / 1000, request.request().model(), choices,
                inputTokens, request.request().includeUsage());
    }

    /** The first words of the request's last user message, for an error naming the request. */
    static String firstWords(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        String[] words = flat.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(8, words.length); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(words[i]);
        }
        String result = out.length() > 80 ? out.substring(0, 80) : out.toString();
        return result.length() < flat.length() ? result + "..." : result;
    }
}
