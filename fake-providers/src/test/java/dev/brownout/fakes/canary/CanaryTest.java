package dev.brownout.fakes.canary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CanaryTest {

    @ParameterizedTest
    @EnumSource(CanaryKind.class)
    void theFakeSolvesEveryGeneratedTaskFromItsTextAlone(CanaryKind kind) {
        CanaryGenerator generator = new CanaryGenerator(3);
        for (int difficulty = 1; difficulty <= 5; difficulty++) {
            CanaryTask task = generator.next(kind, difficulty);
            Canaries.Found found = Canaries.find("Some preamble.\n" + task.prompt()).orElseThrow();

            assertThat(found.taskId()).isEqualTo(task.id());
            assertThat(found.difficulty()).isEqualTo(difficulty);
            assertThat(Canaries.solve(found)).as("solution of %s", task.prompt())
                    .hasValueSatisfying(solution -> assertThat(solution.answer()).isEqualTo(task.expected()));
        }
    }

    @Test
    void arithmeticIsEvaluatedWithPrecedenceAndShownStepByStep() {
        Canaries.Found found = Canaries.find("[brownout-task id=x kind=arithmetic difficulty=3]\nWhat is (12 + 3) * 4 - 5 * 2?").orElseThrow();

        Solution solution = Canaries.solve(found).orElseThrow();

        assertThat(solution.answer()).isEqualTo("50");
        assertThat(solution.working()).containsExactly("12 + 3 = 15", "15 * 4 = 60", "5 * 2 = 10", "60 - 10 = 50");
        assertThat(Canaries.answerIn(solution.text())).contains("50");
    }

    @ParameterizedTest
    @EnumSource(CanaryKind.class)
    void wrongAnswersDifferFromTheRightOneButStayPlausible(CanaryKind kind) {
        CanaryGenerator generator = new CanaryGenerator(8);
        for (int i = 0; i < 20; i++) {
            CanaryTask task = generator.next(kind, 2);
            Canaries.Found found = Canaries.find(task.prompt()).orElseThrow();
            Solution right = Canaries.solve(found).orElseThrow();

            Solution wrong = Canaries.wrong(found, right, new SplittableRandom(i));

            assertThat(wrong.answer()).as("wrong answer to %s", task.prompt()).isNotEqualTo(task.expected());
            switch (kind) {
                case ARITHMETIC -> assertThat(Math.abs(Long.parseLong(wrong.answer()) - Long.parseLong(task.expected())))
                        .as("a near number").isBetween(1L, 100L);
                case LOOKUP -> assertThat(task.prompt()).as("a value from another row of the same table")
                        .contains("| " + wrong.answer() + " |");
                case JSON -> assertThat(wrong.answer()).as("still a JSON object").startsWith("{").endsWith("}");
                case TOOL -> assertThat(wrong.toolCall().name()).as("the same tool with another value")
                        .isEqualTo(right.toolCall().name());
            }
        }
    }

    @Test
    void generatorIsDeterministicPerSeedAndIdsAreUnique() {
        CanaryGenerator first = new CanaryGenerator(42);
        CanaryGenerator second = new CanaryGenerator(42);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            CanaryKind kind = CanaryKind.values()[i % 4];
            CanaryTask a = first.next(kind, 1 + i % 3);
            CanaryTask b = second.next(kind, 1 + i % 3);
            assertThat(a).isEqualTo(b);
            ids.add(a.id());
        }
        assertThat(ids).as("ids unique within a generator").hasSize(200);
        assertThat(new CanaryGenerator(43).next(CanaryKind.ARITHMETIC, 2).prompt())
                .as("another seed, other tasks").isNotEqualTo(new CanaryGenerator(42).next(CanaryKind.ARITHMETIC, 2).prompt());
    }

    @Test
    void answerLineIsTheLastAnswerLineOfAReply() {
        assertThat(Canaries.answerIn("ANSWER: 3\nthinking again\nANSWER:  7 ")).contains("7");
        assertThat(Canaries.answerIn("no answer here")).isEmpty();
    }

    @Test
    void textWithoutAHeaderOrWithAnUnknownKindIsNoCanary() {
        assertThat(Canaries.find("What is 2 + 2?")).isEmpty();
        assertThat(Canaries.find("[brownout-task id=x kind=poetry difficulty=1]\nWrite a poem")).isEmpty();
    }

    @Test
    void fillerTextIsFixedByItsSeed() {
        assertThat(FillerText.generate(5)).isEqualTo(FillerText.generate(5)).isNotEqualTo(FillerText.generate(6));
        assertThat(FillerText.generate(5).split(" ")).hasSizeBetween(20, 80);
    }
}
