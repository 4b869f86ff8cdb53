package dev.brownout.fakes.canary;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chain canaries as a model plays them, one reply per step, with an agent that runs each call through
 * {@link ToolChains}. The task is {@code cha-7-000001}: three calls (find_customer, latest_order, order_shipment) for
 * "Goran Okafor"; the seeds of the weak-model tests are hand-picked for the failure they show at chain probability 0.5.
 */
class ChainCanaryTest {

    private static final CanaryTask TASK = new CanaryGenerator(7).next(CanaryKind.CHAIN, 2);
    private static final Canaries.Found FOUND = Canaries.find(TASK.prompt()).orElseThrow();

    /** One reply of a played chain: the call made or the text answered, and whether a correct run sends it. */
    private record Step(String reply, boolean onTrack) {
    }

    private static Canaries.ChainReply reply(List<String> results, long seed, String model, double probability) {
        return Canaries.chainReply(FOUND, results, seed, model, 0, probability).orElseThrow();
    }

    /** Plays the chain to its text answer, the agent running every call correctly. */
    private static List<Step> play(long seed, String model, double probability) {
        List<String> results = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            Canaries.ChainReply reply = reply(results, seed, model, probability);
            Solution.ToolCall call = reply.solution().toolCall();
            steps.add(new Step(call == null ? "ANSWER " + reply.solution().answer()
                    : call.name() + " " + call.argumentsJson(), reply.onTrack()));
            if (call == null) {
                return steps;
            }
            results.add(ToolChains.result(call.name(), call.argumentsJson()));
        }
        throw new AssertionError("no text answer after 10 steps: " + steps);
    }

    @Test
    void theTaskAsksForStepsOfDifficultyCallsAndExpectsTheLastResult() {
        String customer = ToolChains.result("find_customer", "{\"name\": \"Goran Okafor\"}");
        String order = ToolChains.result("latest_order", "{\"customer_id\": \"" + customer + "\"}");
        String tracking = ToolChains.result("order_shipment", "{\"order_id\": \"" + order + "\"}");

        assertThat(TASK.prompt()).as("the prompt").startsWith("[brownout-task id=cha-7-000001 kind=chain difficulty=2]")
                .contains("1. find_customer with name set to \"Goran Okafor\"",
                        "2. latest_order with customer_id set to the result of step 1",
                        "3. order_shipment with order_id set to the result of step 2")
                .doesNotContain("4. ").endsWith("ANSWER: <your answer>");
        assertThat(TASK.expected()).as("the expected answer: the chain run by hand").isEqualTo(tracking);
    }

    @Test
    void aCapableModelCallsEachToolWithThePreviousResultThenAnswersTheLast() {
        List<Step> steps = play(1, "perfect", 1.0);

        assertThat(steps).as("a capability-1 model's replies").extracting(Step::reply).containsExactly(
                "find_customer {\"name\":\"Goran Okafor\"}",
                "latest_order {\"customer_id\":\"C-076876\"}",
                "order_shipment {\"order_id\":\"O-6984538\"}",
                "ANSWER " + TASK.expected());
        assertThat(steps).as("every reply is what a correct run sends").allMatch(Step::onTrack);
    }

    @Test
    void theValueIsReadFromAJsonStringOrAOneFieldObjectAsSdksWrapResults() {
        String customer = ToolChains.result("find_customer", "{\"name\": \"Goran Okafor\"}");

        for (String wrapped : List.of(customer, "  " + customer + "\n", "\"" + customer + "\"",
                "{\"result\": \"" + customer + "\"}", "{\"output\":\"" + customer + "\"}")) {
            Solution.ToolCall call = reply(List.of(wrapped), 1, "perfect", 1.0).solution().toolCall();
            assertThat(call.argumentsJson()).as("the call after the result %s", wrapped)
                    .isEqualTo("{\"customer_id\":\"" + customer + "\"}");
        }
    }

    @Test
    void aWrongToolResultCarriesOnToAWrongFinalAnswer() {
        String wrongCustomer = ToolChains.result("find_customer", "{\"name\": \"Goran Moreau\"}");
        List<String> results = new ArrayList<>(List.of(wrongCustomer));

        Canaries.ChainReply second = reply(results, 1, "perfect", 1.0);
        results.add(ToolChains.result("latest_order", second.solution().toolCall().argumentsJson()));
        Canaries.ChainReply third = reply(results, 1, "perfect", 1.0);
        results.add(ToolChains.result("order_shipment", third.solution().toolCall().argumentsJson()));
        Canaries.ChainReply answer = reply(results, 1, "perfect", 1.0);

        assertThat(second.solution().toolCall().argumentsJson()).as("the model goes on from the result it was given")
                .contains(wrongCustomer);
        assertThat(second.onTrack()).as("but that call is not the correct run's").isFalse();
        assertThat(answer.solution().answer()).as("the final answer").isNotEqualTo(TASK.expected())
                .isEqualTo(results.getLast());
        assertThat(answer.onTrack()).as("the final answer is graded wrong").isFalse();
    }

    @Test
    void aModelToldItsCallFailedGivesUp() {
        Canaries.ChainReply reply = reply(List.of("C-076876", "error: order_shipment: no such order"), 1, "perfect",
                1.0);

        assertThat(reply.solution().toolCall()).as("no further call").isNull();
        assertThat(reply.solution().text()).as("the reply").contains("The last call failed").endsWith("ANSWER: unknown");
        assertThat(reply.onTrack()).as("graded wrong").isFalse();
    }

    @Test
    void aWeakModelStopsEarlyAnsweringTheValueItHas() {
        List<Step> steps = play(3, "small", 0.5);

        assertThat(steps).as("seed 3: right first call, then a text answer with the customer id").extracting(Step::reply)
                .containsExactly("find_customer {\"name\":\"Goran Okafor\"}", "ANSWER C-076876");
        assertThat(steps.getLast().onTrack()).as("the early answer is wrong").isFalse();
    }

    @Test
    void aWeakModelCallsTheNextStepsToolAndGivesUpOnItsError() {
        List<Step> steps = play(2, "small", 0.5);

        assertThat(steps).as("seed 2: order_shipment called with the customer id").extracting(Step::reply)
                .containsExactly("find_customer {\"name\":\"Goran Okafor\"}",
                        "order_shipment {\"order_id\":\"C-076876\"}", "ANSWER unknown");
        assertThat(steps).as("on track only before the wrong tool").extracting(Step::onTrack)
                .containsExactly(true, false, false);
    }

    @Test
    void aWeakModelCallsTheRightToolWithANeighbouringValue() {
        List<Step> steps = play(27, "small", 0.5);

        assertThat(steps.get(1).reply()).as("seed 27: latest_order with the next customer id")
                .isEqualTo("latest_order {\"customer_id\":\"C-076877\"}");
        assertThat(steps.getLast().reply()).as("so the answer is another order's tracking number")
                .startsWith("ANSWER TRK-").isNotEqualTo("ANSWER " + TASK.expected());
    }

    @Test
    void theSameSeedAndModelGiveTheSameRepliesAndAnotherModelDrawsItsOwn() {
        List<List<Step>> small = new ArrayList<>();
        List<List<Step>> other = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(play(seed, "small", 0.5)).as("seed %d played twice", seed).isEqualTo(play(seed, "small", 0.5));
            small.add(play(seed, "small", 0.5));
            other.add(play(seed, "small-2", 0.5));
        }

        assertThat(other).as("another served model at the same seeds fails at other steps").isNotEqualTo(small);
    }

    @Test
    void aWholeChainSucceedsWithTheOraclesProbability() {
        CanaryGenerator generator = new CanaryGenerator(11);
        int right = 0;
        int tasks = 1000;
        for (int i = 0; i < tasks; i++) {
            CanaryTask task = generator.next(CanaryKind.CHAIN, 1 + i % 4);
            Canaries.Found found = Canaries.find(task.prompt()).orElseThrow();
            List<String> results = new ArrayList<>();
            Solution solution = Canaries.chainReply(found, results, 5, "small", 0, 0.4).orElseThrow().solution();
            while (solution.toolCall() != null && results.size() < 10) {
                results.add(ToolChains.result(solution.toolCall().name(), solution.toolCall().argumentsJson()));
                solution = Canaries.chainReply(found, results, 5, "small", 0, 0.4).orElseThrow().solution();
            }
            if (solution.toolCall() == null && solution.answer().equals(task.expected())) {
                right++;
            }
        }

        assertThat(right / (double) tasks).as("share of 1,000 chains (2 to 5 calls) answered right at p = 0.4")
                .isBetween(0.36, 0.44);
    }
}
