package dev.brownout.gateways.resilient;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.HangFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.gateways.BreakerPolicy;
import dev.brownout.gateways.GatewayConfig;
import dev.brownout.gateways.RetryPolicy;
import dev.brownout.gateways.RunningGateway;
import dev.brownout.gateways.TestWorld;
import dev.brownout.gateways.Timeouts;
import dev.brownout.gateways.UpstreamConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The resilient gateway in front of a failing primary: retries, waits, fails over and stops asking. */
class ResilientFailoverTest {

    private TestWorld world;
    private RunningGateway gateway;
    private OpenAIClient sdk;

    @BeforeEach
    void startWorld() {
        world = TestWorld.start(21);
    }

    private void startGateway(GatewayConfig config) {
        gateway = ResilientGateway.start(config);
        sdk = TestWorld.sdkFor(gateway);
    }

    @AfterEach
    void stop() {
        if (sdk != null) {
            sdk.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        world.close();
    }

    private static RetryPolicy fastRetries() {
        return new RetryPolicy(4, 1, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    @Test
    void healthyCallIsAnsweredByThePrimary() {
        startGateway(world.primaryThenBackup());

        ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask("hello").build());

        assertThat(completion.model()).as("the model that served").isEqualTo(TestWorld.PRIMARY_MODEL);
        assertThat(world.backup().ledger().all()).as("backup's ledger").isEmpty();
    }

    @Test
    void primaryAlways503IsAnsweredFromTheBackup() {
        world.primary().behaviour().replace(ProviderBehaviour.of(ErrorFault.of(503)));
        startGateway(world.primaryThenBackup().withRetry(fastRetries()));

        ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask("hello").build());

        assertThat(completion.model()).as("the model that served").isEqualTo(TestWorld.BACKUP_MODEL);
        assertThat(world.primary().ledger().all()).as("primary: first attempt and one retry")
                .extracting(ProviderCall::status).containsExactly(503, 503);
        assertThat(world.backup().ledger().all()).as("backup's ledger")
                .extracting(ProviderCall::status).containsExactly(200);
    }

    @Test
    void retryAfterIsWaitedBeforeTheSecondAttemptOnThePrimary() {
        world.primary().behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(429, 0.5, null, Duration.ofMillis(300), null, null, null)));
        startGateway(world.primaryThenBackup().withRetry(fastRetries()));
        List<Duration> waitsAfter429 = new ArrayList<>();

        for (int call = 0; call < 12 && waitsAfter429.size() < 2; call++) {
            long before = world.primary().ledger().lastSequence();
            sdk.chat().completions().create(TestWorld.ask("call " + call).build());
            List<ProviderCall> attempts = TestWorld.callsSince(world.primary(), before);
            if (attempts.size() >= 2 && attempts.getFirst().status() == 429) {
                waitsAfter429.add(Duration.between(attempts.get(0).time(), attempts.get(1).time()));
            }
        }

        assertThat(waitsAfter429).as("calls whose first attempt got a 429 and were retried on the primary").isNotEmpty();
        assertThat(waitsAfter429).as("wait between the 429 and the retry (retry-after is 300 ms, backoff 20-50 ms)")
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(290), Duration.ofMillis(2000)));
    }

    @Test
    void hungPrimaryFailsOverWithinTheAttemptTimeout() {
        world.primary().behaviour().replace(ProviderBehaviour.of(new HangFault(1.0, null)));
        Duration attemptTimeout = Duration.ofMillis(500);
        startGateway(world.primaryThenBackup().withRetry(fastRetries())
                .withTimeouts(new Timeouts(null, attemptTimeout, null)));
        sdk.models().list();

        long started = System.nanoTime();
        ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask("hello").build());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(completion.model()).as("the model that served").isEqualTo(TestWorld.BACKUP_MODEL);
        assertThat(took).as("time to the backup's answer").isBetween(attemptTimeout, attemptTimeout.plusMillis(1500));
        assertThat(world.primary().ledger().all()).as("hung attempts on the primary: no retry after a timeout").hasSize(1);
    }

    @Test
    void unreachablePrimaryFailsOverToTheBackup() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        UpstreamConfig unreachable = UpstreamConfig.withApiKey("primary", "http://127.0.0.1:" + closedPort + "/v1",
                "sk-unused", TestWorld.PRIMARY_MODEL);
        startGateway(GatewayConfig.of(unreachable, world.backupUpstream()).withRetry(fastRetries()));

        ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask("hello").build());

        assertThat(completion.model()).as("the model that served").isEqualTo(TestWorld.BACKUP_MODEL);
        assertThat(world.backup().ledger().all()).as("backup's ledger").extracting(ProviderCall::status)
                .containsExactly(200);
    }

    @Test
    void openCircuitSkipsThePrimary() {
        world.primary().behaviour().replace(ProviderBehaviour.of(ErrorFault.of(503)));
        startGateway(world.primaryThenBackup().withRetry(fastRetries())
                .withBreaker(new BreakerPolicy(4, 50, Duration.ofMinutes(1))));

        for (int call = 0; call < 2; call++) {
            sdk.chat().completions().create(TestWorld.ask("opening " + call).build());
        }
        long primaryCallsWhenOpen = world.primary().ledger().all().size();
        for (int call = 0; call < 5; call++) {
            ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask("while open " + call).build());
            assertThat(completion.model()).as("served while the primary's circuit is open").isEqualTo(TestWorld.BACKUP_MODEL);
        }

        assertThat(primaryCallsWhenOpen).as("primary attempts that opened the circuit (window 4)").isEqualTo(4);
        assertThat(world.primary().ledger().all()).as("primary's ledger once its circuit is open").hasSize(4);
        assertThat(world.backup().ledger().all()).as("backup's ledger").hasSize(7);
    }
}
