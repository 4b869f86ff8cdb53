package dev.brownout.internal.tasks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A baseline and a chaos run of one scenario must send the same task at each index, however the driver's
 * threads interleave, so the same seed and index must give the same task in any thread and any order.
 */
class TaskSourceDeterminismTest {

    /** A task's content without its grader object: what the SUT is sent and what counts as right. */
    private record Sent(String id, String prompt, String expected, String kind, int difficulty, String grading) {
        static Sent of(Task task) {
            return new Sent(task.id(), task.prompt(), task.expected(), task.kind(), task.difficulty(),
                    task.grader().description());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"canary-arithmetic", "canary-lookup", "canary-json", "canary-tool", "canary-mixed"})
    void theSameSeedAndIndexGiveTheSameTaskFromManyThreadsInShuffledOrder(String suite) throws Exception {
        List<Sent> inOrder = new ArrayList<>();
        TaskSource first = TaskSources.of(suite, 2, 77, null);
        for (long index = 0; index < 400; index++) {
            inOrder.add(Sent.of(first.task(index)));
        }
        TaskSource second = TaskSources.of(suite, 2, 77, null);
        List<Long> shuffled = new ArrayList<>(LongStream.range(0, 400).boxed().toList());
        Collections.shuffle(shuffled, new Random(1));

        List<Future<Sent>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (long index : shuffled) {
                futures.add(threads.submit(() -> Sent.of(second.task(index))));
            }
        }
        for (int i = 0; i < shuffled.size(); i++) {
            long index = shuffled.get(i);
            assertThat(futures.get(i).get()).as("%s task %d asked in shuffled order on 8 threads", suite, index)
                    .isEqualTo(inOrder.get((int) index));
        }
    }

    @Test
    void theSameIndexTwiceGivesEqualTasks() {
        TaskSource suite = TaskSources.of("canary-json", 4, 9, null);

        assertThat(suite.task(123)).isEqualTo(suite.task(123));
    }

    @ParameterizedTest
    @ValueSource(strings = {"canary-arithmetic", "canary-lookup", "canary-json", "canary-tool", "canary-mixed"})
    void anotherSeedGivesOtherTasks(String suite) {
        TaskSource a = TaskSources.of(suite, 3, 1, null);
        TaskSource b = TaskSources.of(suite, 3, 2, null);
        int differentPrompts = 0;
        for (long index = 0; index < 50; index++) {
            String promptA = a.task(index).prompt();
            String promptB = b.task(index).prompt();
            if (!questionOf(promptA).equals(questionOf(promptB))) {
                differentPrompts++;
            }
        }

        assertThat(differentPrompts).as("%s: of 50 indexes, how many questions differ between seeds 1 and 2", suite)
                .isGreaterThan(40);
    }

    @Test
    void theMixedSuiteRotatesArithmeticLookupAndJson() {
        TaskSource mixed = TaskSources.of("canary-mixed", 1, 5, null);

        assertThat(LongStream.range(0, 6).mapToObj(index -> mixed.task(index).kind()).toList())
                .containsExactly("arithmetic", "lookup", "json", "arithmetic", "lookup", "json");
    }

    @Test
    void aSingleKindSuiteIndexIsTheGeneratorsPositionPlusOne() {
        assertThat(TaskSources.of("canary-arithmetic", 2, 0x5eed01, null).task(41).id()).isEqualTo("ari-5eed01-000042");
    }

    @ParameterizedTest
    @ValueSource(strings = {"canary-arithmetic", "canary-lookup", "canary-json", "canary-tool", "canary-mixed"})
    void idsAreUniqueAndLegalAcross10000Indexes(String suite) {
        assertUniqueLegalIds(TaskSources.of(suite, 1, 42, null), suite);
    }

    @Test
    void idsOfACycledTaskFileAreUniqueAndLegalAcross10000Indexes(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("three.jsonl"), """
                {"id": "a", "prompt": "one", "expected": "1"}
                {"prompt": "two", "expected": "2"}
                {"id": "%s", "prompt": "three", "expected": "3"}
                """.formatted("x".repeat(43)));

        assertUniqueLegalIds(TaskSources.of("three.jsonl", 1, 42, directory), "three.jsonl");
    }

    private static void assertUniqueLegalIds(TaskSource source, String name) {
        Set<String> ids = new HashSet<>();
        for (long index = 0; index < 10_000; index++) {
            Task task = source.task(index);
            assertThat(ids.add(task.id())).as("%s index %d has id %s, already used", name, index, task.id()).isTrue();
        }
        assertThat(ids).allMatch(id -> Task.ID.matcher(id).matches(), "a legal task id");
        Task last = source.task(Long.MAX_VALUE - 1);
        assertThat(last.id()).as("the id at the last index").matches(Task.ID);
    }

    private static String questionOf(String prompt) {
        return prompt.substring(prompt.indexOf('\n') + 1);
    }
}
