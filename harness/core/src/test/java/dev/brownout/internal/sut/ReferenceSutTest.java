package dev.brownout.internal.sut;

import dev.brownout.gateways.GatewayConfig;
import dev.brownout.gateways.OAuthCredentials;
import dev.brownout.gateways.UpstreamConfig;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference gateways, started in this JVM in front of a world. */
class ReferenceSutTest {

    @TempDir
    Path runDir;

    @ParameterizedTest
    @ValueSource(strings = {"reference:naive", "reference:resilient"})
    void aReferenceGatewayAnswersThroughTheWorldsPrimary(String shorthand) throws Exception {
        try (ProxiedWorld world = SutFixtures.startWorld();
             StartedSut sut = SutStarter.start(SutSpec.shorthand(shorthand), world.endpoints(), world.environment(), runDir, 0.05)) {
            SutReply reply = sut.sut().send(new SutRequest("task-1", "What is 3 + 4?", false, Duration.ofSeconds(10)));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.answer()).isNotBlank();
            assertThat(reply.model()).isEqualTo("frontier");
            assertThat(world.fakes().provider("primary").ledger().all()).hasSize(1);
            assertThat(sut.process()).isEmpty();
        }
    }

    @Test
    void closingTheSutStopsTheGateway() throws Exception {
        try (ProxiedWorld world = SutFixtures.startWorld()) {
            StartedSut sut = SutStarter.start(SutSpec.shorthand("reference:naive"), world.endpoints(), world.environment(), runDir, 1.0);
            int port = URI.create(sut.baseUrl().orElseThrow()).getPort();
            assertThat(SutFixtures.accepts(port)).isTrue();

            sut.close();
            sut.close();

            assertThat(SutFixtures.accepts(port)).isFalse();
        }
    }

    @Test
    void upstreamsAreTheWorldsProvidersInOrderWithTheirFirstModel() {
        GatewayConfig config = ReferenceSut.configFor(SutFixtures.paperWorld(), 1.0);

        assertThat(config.upstreams()).extracting(UpstreamConfig::name).containsExactly("primary", "backup");
        assertThat(config.upstreams()).extracting(UpstreamConfig::model).containsExactly("frontier", "mid");
        assertThat(config.upstreams().getFirst().apiKey()).isEqualTo("sk-primary");
    }

    @Test
    void anOAuthProviderGetsTheWorldsClientCredentials() {
        UpstreamConfig backup = ReferenceSut.configFor(SutFixtures.paperWorld(), 1.0).upstreams().get(1);

        assertThat(backup.apiKey()).isNull();
        assertThat(backup.oauth()).isEqualTo(new OAuthCredentials(URI.create("http://127.0.0.1:18003/oauth/token"),
                "gateway", "s3cret", "rt-1"));
    }

    @Test
    void clocksAreMultipliedByTheTimeScale() {
        GatewayConfig config = ReferenceSut.configFor(SutFixtures.paperWorld(), 0.05);

        assertThat(config.timeouts().connect()).as("2 s at 0.05 is 100 ms, below the 250 ms floor a loaded machine needs")
                .isEqualTo(Duration.ofMillis(250));
        assertThat(config.timeouts().attempt()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.timeouts().firstByte()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.retry().baseBackoff()).isEqualTo(Duration.ofMillis(10));
        assertThat(config.retry().maxBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.retry().maxRetryAfter()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.breaker().openFor()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.retry().maxAttempts()).as("counts are not clocks").isEqualTo(4);
    }

    @Test
    void aTimeScaleOfOneKeepsTheGatewaysDefaults() {
        GatewayConfig config = ReferenceSut.configFor(SutFixtures.paperWorld(), 1.0);

        assertThat(config.timeouts()).isEqualTo(dev.brownout.gateways.Timeouts.defaults());
        assertThat(config.retry()).isEqualTo(dev.brownout.gateways.RetryPolicy.defaults());
        assertThat(config.breaker()).isEqualTo(dev.brownout.gateways.BreakerPolicy.defaults());
    }

    @Test
    void noClockIsScaledBelowItsFloor() {
        GatewayConfig config = ReferenceSut.configFor(SutFixtures.paperWorld(), 0.0001);

        assertThat(config.timeouts().connect()).isEqualTo(ReferenceSut.CONNECT_FLOOR);
        assertThat(config.timeouts().attempt()).isEqualTo(ReferenceSut.ATTEMPT_FLOOR);
        assertThat(config.retry().baseBackoff()).isEqualTo(ReferenceSut.BACKOFF_FLOOR);
        assertThat(config.breaker().openFor()).isEqualTo(ReferenceSut.OPEN_FOR_FLOOR);
    }

    @Test
    void aTimeScaleMustBePositive() {
        assertThatThrownBy(() -> ReferenceSut.configFor(SutFixtures.paperWorld(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time scale must be a number > 0");
    }
}
