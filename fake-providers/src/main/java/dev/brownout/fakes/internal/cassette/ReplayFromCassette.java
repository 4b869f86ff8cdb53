package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.internal.exchange.ErrorReply;
import dev.brownout.fakes.internal.exchange.Reply;
import dev.brownout.fakes.internal.exchange.ReplySource;
import dev.brownout.fakes.internal.exchange.SourcedReply;
import dev.brownout.fakes.internal.exchange.SourcedRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replay mode: answers each request with what the cassette recorded under its key, offline. A request recorded
 * more than once gets its recordings in order (a retry that failed then succeeded replays so), the last one
 * repeated; a request never recorded is a 400 naming it, never filler.
 */
public final class ReplayFromCassette implements ReplySource {

    static final String MISS_CODE = "cassette_miss";

    private final ObjectMapper json = new ObjectMapper();
    private final Cassette cassette;
    private final boolean recordedPacing;
    private final double timeScale;
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

    /**
     * Reads the cassette whole; a missing, corrupt or other-version one is an IllegalArgumentException naming the
     * file, the line and the field.
     *
     * @param recordedPacing whether answers keep the recorded time to first token and token gap (else the catalog's)
     * @param timeScale      the world's time scale, which recorded times are multiplied by
     */
    public ReplayFromCassette(Path file, boolean recordedPacing, double timeScale) {
        this.cassette = Cassette.load(file);
        this.recordedPacing = recordedPacing;
        this.timeScale = timeScale;
    }

    @Override
    public SourcedReply answer(SourcedRequest request) {
        UpstreamWire wire = UpstreamWires.forApi(request.wire().api());
        JsonNode body;
        try {
            body = json.readTree(request.body());
        } catch (IOException e) {
            return SourcedReply.failure(new ErrorReply(400, "The request body is not JSON.", null, null));
        }
        String key = RequestKey.of(wire, request.request().model(), body);
        List<RecordedExchange> recorded = cassette.exchanges(key);
        if (recorded.isEmpty()) {
            return SourcedReply.failure(new ErrorReply(400, "Brownout replay: the cassette " + cassette.file()
                    + " has no answer for this request (model '" + request.request().model() + "', key " + key
                    + ", last user message \"" + RecordedAnswers.firstWords(request.request().lastUserText())
                    + "\"); record it in upstream mode, or send the request as it was recorded.", null, MISS_CODE));
        }
        int repeat = served.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        RecordedExchange exchange = recorded.get(Math.min(repeat, recorded.size() - 1));
        if (exchange.status() >= 300) {
            return SourcedReply.failure(RecordedAnswers.error(exchange.status(), exchange.error()));
        }
        Reply reply = RecordedAnswers.reply(exchange, request);
        if (!recordedPacing) {
            return SourcedReply.catalogPaced(reply);
        }
        RecordedExchange.Timing timing = exchange.timing();
        int steps = Math.max(1, reply.steps() - 1);
        double gapMs = (timing.totalMs() - timing.ttftMs()) / steps;
        return SourcedReply.paced(reply, Duration.ofNanos(Math.round(timing.ttftMs() * 1e6 * timeScale)),
                Math.round(gapMs * 1e6 * timeScale));
    }

    @Override
    public void startAfresh() {
        served.clear();
    }
}
