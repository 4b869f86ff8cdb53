package dev.brownout.fakes.behaviour;

import dev.brownout.fakes.admin.BehaviourStore;
import dev.brownout.fakes.admin.InvalidBehaviourException;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which calls a fault takes in (attempts of a task, a condition on the request), what its ledger name says,
 * and how bad values are refused: in the records, and in the JSON the admin API takes.
 */
class FaultScopeTest {

    private static final CallFacts FIRST = new CallFacts("mid", 1, false);

    private static List<String> applied(Fault fault, CallFacts call) {
        return FaultPlan.draw(ProviderBehaviour.of(fault), call, new SplittableRandom(1)).applied();
    }

    @Test
    void anAttemptScopedFaultHitsOnlyTheAttemptsItNames() {
        ErrorFault secondAndThird = new ErrorFault(500, null, null, null, null, null, null, null, null, null,
                List.of(2, 3), null);

        assertThat(List.of(1, 2, 3, 4)).as("attempts hit by a fault on attempts [2, 3]")
                .filteredOn(attempt -> !applied(secondAndThird, new CallFacts("mid", attempt, false)).isEmpty())
                .containsExactly(2, 3);
    }

    @Test
    void anAttemptScopedFaultNeverHitsACallWithoutATaskId() {
        CutFault firstOnly = new CutFault(1, null, null, null, List.of(1), null);

        assertThat(applied(firstOnly, new CallFacts("mid", null, false))).as("faults on a call that is no attempt")
                .isEmpty();
        assertThat(applied(new CutFault(1, null, null), new CallFacts("mid", null, false)))
                .as("faults on the same call when the fault names no attempts").containsExactly("cut");
    }

    @Test
    void aConditionalFaultHitsOnlyConversationsEndingWithAnAssistantMessage() {
        ErrorFault prefillOnly = new ErrorFault(400, null, null, null, null, null, null, null, null, null, null,
                FaultCondition.ASSISTANT_PREFILL);

        assertThat(applied(prefillOnly, new CallFacts("mid", 1, true))).as("faults on a prefill").containsExactly("error:400");
        assertThat(applied(prefillOnly, FIRST)).as("faults on a conversation ending with the user").isEmpty();
    }

    @Test
    void aFaultOutOfScopeStillDrawsSoTheOthersHitTheSameRequests() {
        ProviderBehaviour behaviour = ProviderBehaviour.of(
                new ErrorFault(500, 0.5, null, null, null, null, null, null, null, null, List.of(1), null),
                new StallFault(1, Duration.ofSeconds(1), 0.5, null));

        for (long seed = 0; seed < 200; seed++) {
            boolean inScope = FaultPlan.draw(behaviour, FIRST, new SplittableRandom(seed)).stall() != null;
            boolean outOfScope = FaultPlan.draw(behaviour, new CallFacts("mid", 2, false), new SplittableRandom(seed))
                    .stall() != null;
            assertThat(outOfScope).as("stall drawn for seed %d whether the scoped error is in scope or not", seed)
                    .isEqualTo(inScope);
        }
    }

    @Test
    void latencyAfterTheHeadersIsAddedApartFromLatencyBeforeThem() {
        FaultPlan plan = FaultPlan.draw(ProviderBehaviour.of(
                new LatencyFault(Duration.ofMillis(300), null, null),
                new LatencyFault(Duration.ofMillis(500), LatencyFault.Where.AFTER_HEADERS, null, null, null, null),
                new LatencyFault(Duration.ofMillis(200), LatencyFault.Where.AFTER_HEADERS, null, null, null, null)),
                FIRST, new SplittableRandom(1));

        assertThat(plan.extraTtft()).as("added before the headers").isEqualTo(Duration.ofMillis(300));
        assertThat(plan.extraTtftAfterHeaders()).as("added after the headers").isEqualTo(Duration.ofMillis(700));
        assertThat(plan.headersFirst()).as("the headers leave first").isTrue();
    }

    @Test
    void theLedgerNamesEachFaultWithItsVariant() {
        List<Fault> faults = List.of(
                new CutFault(1, null, null),
                new CutFault(1, CutMode.ABORT, null, null, null, null),
                new CutFault(1, CutMode.RESET, null, null, null, null),
                new StallFault(1, Duration.ZERO, CutMode.CLEAN, null, null, null, null),
                new HangFault(null, null),
                new HangFault(Duration.ofSeconds(30), null, null, null, null),
                new LatencyFault(Duration.ZERO, LatencyFault.Where.AFTER_HEADERS, null, null, null, null),
                new UnterminatedFault(null, null, null, null),
                new ErrorFault(400, null, null, null, null, null, null, null, "context_length_exceeded", null, null, null));

        assertThat(faults).extracting(FaultPlan::nameOf).as("ledger names").containsExactly("cut", "cut:abort",
                "cut:reset", "stall:clean", "hang", "hang:close", "latency:after_headers", "unterminated",
                "error:400:context_length_exceeded");
    }

    @Test
    void attemptsAreNumberedFromOne() {
        assertThatThrownBy(() -> new CutFault(1, null, null, null, List.of(0), null)).as("attempt 0")
                .hasMessage("cut: attempts are numbered from 1 (a task's first call to this provider), was 0");
    }

    @Test
    void anAttemptNamedTwiceCountsOnce() {
        assertThat(new UnterminatedFault(null, null, List.of(2, 1, 2), null).attempts()).as("attempts [2, 1, 2]")
                .containsExactly(2, 1);
    }

    @Test
    void aNegativeHangIsRefused() {
        assertThatThrownBy(() -> new HangFault(Duration.ofSeconds(-1), null, null, null, null)).as("hang of -1s")
                .hasMessageStartingWith("hang: duration must be a duration >= 0");
    }

    @Test
    void aBlankErrorCodeIsRefused() {
        assertThatThrownBy(() -> new ErrorFault(400, null, null, null, null, null, null, null, " ", null, null, null))
                .as("code ' '").hasMessage("error: code must not be blank; leave it out for the dialect's usual value");
    }

    @Test
    void theNewFieldsRoundTripThroughTheAdminApisJson() throws Exception {
        ProviderBehaviour behaviour = ProviderBehaviour.of(
                new CutFault(4, CutMode.RESET, 0.5, List.of("mid"), List.of(1), null),
                new StallFault(2, Duration.ofSeconds(3), CutMode.ABORT, null, null, null, null),
                new HangFault(Duration.ofSeconds(30), null, null, List.of(1, 2), null),
                new LatencyFault(Duration.ofSeconds(2), LatencyFault.Where.AFTER_HEADERS, null, null, null, null),
                new UnterminatedFault(null, null, null, null),
                new ErrorFault(400, null, null, null, null, null, null, "invalid_request_error", "context_length_exceeded",
                        "messages", null, FaultCondition.ASSISTANT_PREFILL),
                new StreamErrorFault(3, 529, null, null, null, "overloaded_error", null, null, List.of(1), null));

        String json = Mappers.json().writeValueAsString(behaviour);

        assertThat(Mappers.json().readValue(json, ProviderBehaviour.class)).as("read back from " + json)
                .isEqualTo(behaviour);
    }

    private static String refusal(String json) {
        BehaviourStore<ProviderBehaviour> store = new BehaviourStore<>(ProviderBehaviour.class,
                ProviderBehaviour.healthy(), candidate -> { });
        try {
            store.replace(json.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidBehaviourException e) {
            return e.getMessage();
        }
        throw new AssertionError("the behaviour was accepted: " + json);
    }

    @Test
    void theAdminApiNamesTheFieldAndTheValidValuesOfABadMode() {
        assertThat(refusal("{\"faults\":[{\"type\":\"cut\",\"mode\":\"rst\"}]}")).as("refusal of mode rst")
                .contains("faults[0].mode", "unknown cut mode 'rst'; use clean, abort or reset");
        assertThat(refusal("{\"faults\":[{\"type\":\"latency\",\"extra_ttft\":\"1s\",\"where\":\"later\"}]}"))
                .as("refusal of where later").contains("faults[0].where", "use before_headers or after_headers");
        assertThat(refusal("{\"faults\":[{\"type\":\"hang\",\"when\":\"always\"}]}")).as("refusal of when always")
                .contains("faults[0].when", "unknown condition 'always'; use assistant_prefill");
        assertThat(refusal("{\"faults\":[{\"type\":\"error\",\"status\":500,\"attempts\":[0]}]}"))
                .as("refusal of attempt 0").contains("attempts are numbered from 1");
    }
}
