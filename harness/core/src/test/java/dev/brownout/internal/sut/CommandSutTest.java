package dev.brownout.internal.sut;

import dev.brownout.internal.workload.ArrivalSchedule;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.internal.workload.OpenLoopDriver;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command adapter with real processes (POSIX sh), one per task. */
class CommandSutTest {

    private static SutRequest task(String id, String prompt, Duration timeout) {
        return new SutRequest(id, prompt, false, timeout);
    }

    @Test
    void promptOnStdinAnswerOnStdoutWithTheTaskIdInTheEnvironment() throws Exception {
        CommandSut sut = CommandSut.of(List.of("sh", "-c", "read prompt; echo \"$BROWNOUT_TASK_ID saw: $prompt\""),
                CommandSut.PromptDelivery.STDIN, Map.of());

        SutReply reply = sut.send(task("t-7", "What is 2 + 2?", Duration.ofSeconds(10)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.answer()).isEqualTo("t-7 saw: What is 2 + 2?");
        assertThat(reply.firstByteNanos()).as("first stdout byte timed").isPositive();
    }

    @Test
    void promptAsTheLastArgumentAndTheWorldsEnvironmentPassedOn() throws Exception {
        CommandSut sut = CommandSut.of(List.of("sh", "-c", "echo \"$1 via $BROWNOUT_PRIMARY_BASE_URL\"", "agent"),
                CommandSut.PromptDelivery.ARGUMENT, Map.of("BROWNOUT_PRIMARY_BASE_URL", "http://127.0.0.1:1/v1"));

        SutReply reply = sut.send(task("t-8", "hello", Duration.ofSeconds(10)));

        assertThat(reply.answer()).isEqualTo("hello via http://127.0.0.1:1/v1");
    }

    @Test
    void aNonZeroExitIsAnErrorWithItsStderr() throws Exception {
        CommandSut sut = CommandSut.of(List.of("sh", "-c", "echo 'provider unreachable' >&2; exit 3"),
                CommandSut.PromptDelivery.STDIN, Map.of());

        SutReply reply = sut.send(task("t-9", "hi", Duration.ofSeconds(10)));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.answer()).isEqualTo("exit 3: provider unreachable");
    }

    @Test
    void aCommandPastItsTimeoutIsKilledWithItsChildren() throws Exception {
        CommandSut sut = CommandSut.of(List.of("sh", "-c", "sleep 30; echo late"), CommandSut.PromptDelivery.STDIN, Map.of());
        long before = ProcessHandle.current().descendants().count();

        OpenLoopDriver driver = new OpenLoopDriver(new ArrivalSchedule(4, Duration.ZERO, Duration.ofMillis(500)),
                Duration.ofMillis(500));
        List<Exchange> exchanges = driver.run(index -> task("t-" + index, "hi", Duration.ofMillis(500)), sut).exchanges();

        assertThat(exchanges).isNotEmpty().allSatisfy(e -> assertThat(e.answered()).isFalse());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.current().descendants().count() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.current().descendants().count()).as("no sleeping command left behind").isEqualTo(before);
    }

    @Test
    void aCommandThatCannotStartIsAnException() {
        CommandSut sut = CommandSut.of(List.of("/no/such/agent"), CommandSut.PromptDelivery.STDIN, Map.of());

        assertThatThrownBy(() -> sut.send(task("t-10", "hi", Duration.ofSeconds(1)))).isInstanceOf(java.io.IOException.class);
    }
}
