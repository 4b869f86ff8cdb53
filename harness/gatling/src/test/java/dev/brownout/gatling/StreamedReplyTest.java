package dev.brownout.gatling;

import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutReply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading one streamed reply from Gatling's rendered events, including a stream Gatling re-sent. */
class StreamedReplyTest {

    /** A reader that ends at [DONE] or message_stop, as the dialects' readers do, and remembers every payload. */
    private static final class RecordingReader implements ReplyStream {
        final List<String> payloads = new ArrayList<>();
        final List<Long> times = new ArrayList<>();

        @Override
        public boolean accept(String data, long receivedNanos) {
            payloads.add(data);
            times.add(receivedNanos);
            return !data.equals("[DONE]") && !data.contains("\"message_stop\"");
        }

        @Override
        public SutReply end(int status) {
            return new SutReply(status, String.join("|", payloads), null, 0);
        }
    }

    private static String chunk(String id, String text) {
        return "{\"data\":{\"id\":\"" + id + "\",\"choices\":[{\"delta\":{\"content\":\"" + text + "\"}}]}}";
    }

    @Test
    void eachPayloadReachesTheReaderWithItsArrivalTimeUntilTheTerminator() {
        RecordingReader reader = new RecordingReader();
        StreamedReply reply = new StreamedReply(reader);

        assertThat(reply.accept(chunk("c1", "4"), 100)).as("a content chunk does not end the stream").isFalse();
        assertThat(reply.accept("{\"data\":[DONE]}", 200)).as("[DONE] ends it").isTrue();

        assertThat(reader.payloads).as("payloads handed to the reader")
                .containsExactly("{\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\"4\"}}]}", "[DONE]");
        assertThat(reader.times).as("their arrival times").containsExactly(100L, 200L);
        assertThat(reply.ended()).as("ended by its terminator").isTrue();
        assertThat(reply.endNanos()).as("ended when the terminator arrived").isEqualTo(200);
    }

    @Test
    void aSecondCompletionIdIsAResentRequestAndTheReplyIsTheFirstStreamsBrokenOff() {
        RecordingReader reader = new RecordingReader();
        StreamedReply reply = new StreamedReply(reader);
        reply.accept(chunk("c1", "4"), 100);
        reply.accept(chunk("c1", "2"), 150);

        assertThat(reply.accept(chunk("c2", "4"), 3_200)).as("the re-sent request's first chunk ends the exchange")
                .isTrue();

        assertThat(reply.resent()).as("the request was re-sent").isTrue();
        assertThat(reply.ended()).as("a re-sent stream did not end with its terminator").isFalse();
        assertThat(reply.endNanos()).as("the exchange ends at the first stream's last event").isEqualTo(150);
        assertThat(reader.payloads).as("the second stream's chunk is not read into the answer").hasSize(2);
    }

    @Test
    void aSecondMessageStartIsAResentAnthropicRequest() {
        RecordingReader reader = new RecordingReader();
        StreamedReply reply = new StreamedReply(reader);
        String start = "{\"event\":\"message_start\",\"data\":{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\"}}}";
        reply.accept(start, 10);
        reply.accept("{\"event\":\"content_block_delta\",\"data\":{\"type\":\"content_block_delta\",\"delta\":{\"text\":\"Hi\"}}}", 20);

        assertThat(reply.accept(start, 3_020)).as("a second message_start ends the exchange").isTrue();
        assertThat(reply.resent()).as("the request was re-sent").isTrue();
        assertThat(reply.endNanos()).as("at the first stream's last event").isEqualTo(20);
    }

    @Test
    void anAnthropicStreamEndsAtMessageStop() {
        StreamedReply reply = new StreamedReply(new RecordingReader());
        reply.accept("{\"event\":\"message_start\",\"data\":{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\"}}}", 10);

        assertThat(reply.accept("{\"event\":\"message_stop\",\"data\":{\"type\":\"message_stop\"}}", 30))
                .as("message_stop ends the stream").isTrue();
        assertThat(reply.ended()).as("ended by its terminator, not re-sent").isTrue();
    }

    @Test
    void eventsWithoutDataAndUnreadableMessagesAreSkipped() {
        RecordingReader reader = new RecordingReader();
        StreamedReply reply = new StreamedReply(reader);

        assertThat(reply.accept("{\"event\":\"ping\"}", 10)).as("an event without data").isFalse();
        assertThat(reply.accept("not gatling's layout", 20)).as("an unreadable message").isFalse();
        assertThat(reader.payloads).as("nothing reached the reader").isEmpty();
        assertThat(reply.anyEvent()).as("no event with data arrived").isFalse();
    }
}
