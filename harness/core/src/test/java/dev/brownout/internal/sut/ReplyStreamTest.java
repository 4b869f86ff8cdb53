package dev.brownout.internal.sut;

import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutReply;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapters' readers as a load tool uses them, payload by payload: what a stream adds up to, how it ended, where
 * its first token came, and what is skipped.
 */
class ReplyStreamTest {

    private static final HttpDialectSut OPENAI = OpenAiChatSut.of(URI.create("http://127.0.0.1:1/v1"), "k", "m", Map.of());
    private static final HttpDialectSut ANTHROPIC = AnthropicMessagesSut.of(URI.create("http://127.0.0.1:1"), "k", "m",
            256, Map.of());

    private static String chunk(String content, String finish) {
        return "{\"id\":\"c1\",\"model\":\"gpt\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
                + "\"},\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }

    @Test
    void anOpenAiStreamEndedByDoneIsReadWithItsFirstTokenTimeFinishReasonAndUsage() {
        ReplyStream stream = OPENAI.readStream();

        assertThat(stream.accept(" " + chunk("", null), 100)).as("the role chunk goes on").isTrue();
        assertThat(stream.accept(chunk("Hel", null), 200)).as("content goes on").isTrue();
        stream.accept(chunk("lo", "stop"), 300);
        stream.accept("{\"id\":\"c1\",\"model\":\"gpt\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}", 400);
        assertThat(stream.accept(" [DONE]", 500)).as("[DONE] ends the stream").isFalse();
        SutReply reply = stream.end(200);

        assertThat(reply.answer()).as("answer").isEqualTo("Hello");
        assertThat(reply.firstByteNanos()).as("the first content's arrival, not the role chunk's").isEqualTo(200);
        assertThat(reply.finishReason()).as("finish reason").isEqualTo("stop");
        assertThat(reply.usage()).as("usage").isEqualTo(new SutReply.Usage(5L, 2L));
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.TERMINATOR);
        assertThat(reply.model()).as("model").isEqualTo("gpt");
    }

    @Test
    void aPayloadThatIsNotJsonIsSkippedAndCountedAndAStreamWithoutDoneEndsCleanly() {
        ReplyStream stream = OPENAI.readStream();

        stream.accept(chunk("A", null), 1);
        assertThat(stream.accept("{\"choices\": [", 2)).as("a broken chunk is skipped, the stream goes on").isTrue();
        stream.accept(chunk("B", "stop"), 3);
        SutReply reply = stream.end(200);

        assertThat(reply.answer()).as("the answer without the broken chunk").isEqualTo("AB");
        assertThat(reply.malformedEvents()).as("malformed payloads").isEqualTo(1);
        assertThat(reply.ending()).as("no [DONE]").isEqualTo(SutReply.Ending.CLEAN_END);
    }

    @Test
    void anErrorEventEndsTheStreamAsA502AndLaterPayloadsAreIgnored() {
        ReplyStream stream = OPENAI.readStream();

        stream.accept(chunk("partial", null), 1);
        assertThat(stream.accept("{\"error\":{\"message\":\"overloaded\"}}", 2)).as("the error event ends it").isFalse();
        assertThat(stream.accept(chunk(" more", null), 3)).as("nothing is taken after the end").isFalse();
        SutReply reply = stream.end(200);

        assertThat(reply.status()).as("an error event is an error for the caller").isEqualTo(502);
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.ERROR_EVENT);
        assertThat(reply.answer()).as("what came before the error").isEqualTo("partial");
    }

    @Test
    void anAnthropicStreamEndsAtMessageStopWithTheUsageOfMessageDelta() {
        ReplyStream stream = ANTHROPIC.readStream();

        stream.accept("{\"type\":\"message_start\",\"message\":{\"model\":\"claude\",\"usage\":{\"input_tokens\":9}}}", 1);
        stream.accept("{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}", 2);
        stream.accept("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":1}}", 3);
        assertThat(stream.accept("{\"type\":\"message_stop\"}", 4)).as("message_stop ends the stream").isFalse();
        SutReply reply = stream.end(200);

        assertThat(reply.answer()).as("answer").isEqualTo("Hi");
        assertThat(reply.firstByteNanos()).as("first token").isEqualTo(2);
        assertThat(reply.finishReason()).as("stop reason").isEqualTo("end_turn");
        assertThat(reply.usage()).as("input tokens from message_start, output from message_delta")
                .isEqualTo(new SutReply.Usage(9L, 1L));
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.TERMINATOR);
    }

    @Test
    void aWholeReplyIsReadAsTheAdapterReadsItAndAnUnreadableSuccessIsRefused() throws Exception {
        SutReply reply = OPENAI.readWhole(200, "{\"model\":\"gpt\",\"choices\":[{\"message\":{\"content\":\"ok\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}", 42);
        SutReply refused = ANTHROPIC.readWhole(529, "{\"type\":\"error\"}", 43);

        assertThat(reply).as("a completion").extracting(SutReply::answer, SutReply::finishReason, SutReply::ending,
                SutReply::firstByteNanos).containsExactly("ok", "stop", SutReply.Ending.WHOLE_BODY, 42L);
        assertThat(refused).as("a refusal keeps its status and body").extracting(SutReply::status, SutReply::answer)
                .containsExactly(529, "{\"type\":\"error\"}");
        assertThatThrownBy(() -> OPENAI.readWhole(200, "<html>gateway error</html>", 44))
                .as("a 200 whose body is not a completion").isInstanceOf(UnreadableReplyException.class)
                .hasMessageContaining("not OpenAI chat completion JSON");
    }
}
