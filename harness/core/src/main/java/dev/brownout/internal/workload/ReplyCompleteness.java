package dev.brownout.internal.workload;

import dev.brownout.fakes.canary.Canaries;
import dev.brownout.sut.SutReply;

import java.util.Optional;
import java.util.Set;

/**
 * The completeness check on an answer its caller got as a success, from what the reply itself showed; the
 * measurement adds the providers' ledgers (the upstream call that served it was cut or broke). The first rule
 * that applies gives the reason:
 * <ol>
 * <li>the SUT, or the client in this JVM that read it, reported the answer incomplete;</li>
 * <li>where the client reports how the reply ended (the {@code openai-chat}, {@code openai-responses},
 * {@code anthropic-messages} and {@code gemini} adapters): no finish reason; a finish reason of {@code length},
 * {@code max_tokens}, {@code max_output_tokens} or Gemini's {@code MAX_TOKENS} (a stop was due: every task
 * fits well within the limits the adapters ask for); a stream that ended without its terminator and without a
 * usage block (a whole stream that only lacks {@code [DONE]} or {@code message_stop} sends its finish reason and
 * usage first, and is complete; a Gemini stream has no terminator but its last chunk's finish reason, so one that
 * lacks it has no finish reason);</li>
 * <li>a canary task whose answer has no final {@code ANSWER:} line with something on it (the canary asks for
 * one, and the fakes always write it).</li>
 * </ol>
 */
public final class ReplyCompleteness {

    /** Finish reasons that say the answer stopped at the token limit rather than at its end. */
    public static final Set<String> TOKEN_LIMIT = Set.of("length", "max_tokens", "max_output_tokens", "MAX_TOKENS");

    private ReplyCompleteness() {
    }

    /** Why an answered reply to {@code prompt} is incomplete, or null when nothing in it says so. */
    public static String incompleteness(SutReply reply, String prompt) {
        if (reply.truncated()) {
            return "the SUT reported the answer incomplete";
        }
        if (reply.ending() != null) {
            boolean stream = reply.ending() != SutReply.Ending.WHOLE_BODY;
            if (reply.finishReason() == null) {
                return stream ? "the stream ended without a finish reason" : "the reply has no finish reason";
            }
            if (TOKEN_LIMIT.contains(reply.finishReason())) {
                return "finish reason " + reply.finishReason() + ": the answer stopped at the token limit";
            }
            if (reply.ending() == SutReply.Ending.CLEAN_END && reply.usage() == null) {
                return "the stream ended without its terminator and without usage";
            }
        }
        if (Canaries.find(prompt).isPresent()) {
            Optional<String> answer = Canaries.answerIn(reply.answer());
            if (answer.isEmpty() || answer.get().isBlank()) {
                return "no final ANSWER line";
            }
        }
        return null;
    }
}
