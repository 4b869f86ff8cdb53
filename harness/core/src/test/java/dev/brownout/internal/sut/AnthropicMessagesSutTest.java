package dev.brownout.internal.sut;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The anthropic-messages adapter against a fake Anthropic provider standing in for a gateway. */
class AnthropicMessagesSutTest {

    private static FakeWorld world;
    private static FakeProvider provider;
    private static AnthropicMessagesSut sut;
    private final CanaryGenerator canaries = new CanaryGenerator(System.nanoTime());

    @BeforeAll
    static void start() throws Exception {
        Path catalog = Path.of(Objects.requireNonNull(AnthropicMessagesSutTest.class.getResource("/world/instant-catalog.yaml")).toURI());
        world = FakeWorld.start(new WorldConfig(9L, WorldConfig.LOOPBACK, catalog.toString(),
                List.of(ProviderConfig.of("gateway", DialectKind.ANTHROPIC, "perfect"))));
        provider = world.provider("gateway");
        sut = AnthropicMessagesSut.of(URI.create(provider.baseUrl()), provider.apiKey(), "perfect", 512, Map.of());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void healthy() {
        provider.behaviour().replace(ProviderBehaviour.healthy());
    }

    private static SutRequest request(CanaryTask task, boolean stream) {
        return new SutRequest(task.id(), task.prompt(), stream, Duration.ofSeconds(10));
    }

    @Test
    void wholeMessageCarriesTheCanaryAnswer() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.JSON, 2);

        SutReply reply = sut.send(request(task, false));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Canaries.answerIn(reply.answer())).contains(task.expected());
        assertThat(reply.model()).isEqualTo("perfect");
    }

    @Test
    void streamedMessageIsAssembledFromTextDeltas() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        assertThat(Canaries.answerIn(reply.answer())).contains(task.expected());
        assertThat(reply.truncated()).as("message_stop arrived").isFalse();
        assertThat(reply.firstByteNanos()).isPositive();
    }

    @Test
    void overloadedIsThatStatus() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(ErrorFault.of(529)));

        assertThat(sut.send(request(canaries.next(CanaryKind.JSON, 1), false)).status()).isEqualTo(529);
    }

    @Test
    void aStreamWithoutMessageStopIsTruncated() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(2, null, null)));

        SutReply reply = sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), true));

        assertThat(reply.truncated()).isTrue();
    }

    @Test
    void anErrorEventIsAnError() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new StreamErrorFault(1, 529, null, null, null)));

        assertThat(sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 1), true)).status()).isEqualTo(502);
    }
}
