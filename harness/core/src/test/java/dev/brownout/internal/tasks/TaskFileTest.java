package dev.brownout.internal.tasks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a task file's lines become tasks, and how a run longer than the file cycles through it. */
class TaskFileTest {

    @TempDir
    Path directory;

    private TaskFile file(String text) throws IOException {
        Path path = directory.resolve("tasks.jsonl");
        Files.writeString(path, text);
        return TaskFile.load(path);
    }

    @Test
    void eachPromptIsSentAfterAUserTaskHeaderCarryingItsId() throws IOException {
        Task task = file("{\"id\": \"q1\", \"prompt\": \"What is 6 x 7?\\nReply briefly.\", \"expected\": \"42\"}\n").task(0);

        assertThat(task.prompt()).isEqualTo("[brownout-task id=q1 kind=user difficulty=1]\nWhat is 6 x 7?\nReply briefly.");
        assertThat(task.kind()).isEqualTo("user");
        assertThat(task.difficulty()).isEqualTo(1);
    }

    @Test
    void aTaskWithoutAnIdIsNamedAfterItsLineCountingBlankLines() throws IOException {
        TaskFile tasks = file("{\"prompt\": \"a\", \"expected\": \"1\"}\n\n{\"prompt\": \"b\", \"expected\": \"2\"}\n");

        assertThat(tasks.tasks()).extracting(Task::id).containsExactly("t1", "t3");
    }

    @Test
    void withoutAGraderTheAnswerMustEqualExpectedExactly() throws IOException {
        Task task = file("{\"prompt\": \"Capital of Norway?\", \"expected\": \"Oslo\"}").task(0);

        assertThat(task.grader().description()).isEqualTo("exactly \"Oslo\"");
        assertThat(task.score(" Oslo ")).isEqualTo(1.0);
        assertThat(task.score("oslo")).isEqualTo(0.0);
    }

    @Test
    void answerLineTrueGradesOnlyTheAnswerLineValue() throws IOException {
        Task task = file("{\"prompt\": \"p\", \"expected\": \"Oslo\", \"grader\": {\"type\": \"exact\", \"answer_line\": true}}").task(0);

        assertThat(task.score("Let me think.\nANSWER: Oslo")).isEqualTo(1.0);
        assertThat(task.score("Oslo")).as("no ANSWER: line").isEqualTo(0.0);
    }

    @Test
    void answerLineFalseGradesTheWholeReply() throws IOException {
        Task task = file("{\"prompt\": \"p\", \"expected\": \"Oslo\", \"grader\": {\"type\": \"contains\"}}").task(0);

        assertThat(task.score("It is Oslo, I think.")).isEqualTo(1.0);
    }

    @Test
    void aNumericExpectedMayBeAJsonNumber() throws IOException {
        Task task = file("{\"prompt\": \"p\", \"expected\": 0.1, \"grader\": {\"type\": \"numeric\", \"tolerance\": 0.05}}").task(0);

        assertThat(task.expected()).isEqualTo("0.1");
        assertThat(task.score("0.15")).isEqualTo(1.0);
        assertThat(task.score("0.16")).isEqualTo(0.0);
    }

    @Test
    void aRegexGraderTakesItsPatternFromExpectedWhenItHasNone() throws IOException {
        Task task = file("{\"prompt\": \"p\", \"expected\": \"(?i)^yes\", \"grader\": {\"type\": \"regex\"}}").task(0);

        assertThat(task.score("Yes.")).isEqualTo(1.0);
    }

    @Test
    void aTaskWithoutExpectedShowsWhatItsGraderWants() throws IOException {
        Task task = file("{\"prompt\": \"p\", \"grader\": {\"type\": \"regex\", \"pattern\": \"B-\\\\d+\"}}").task(0);

        assertThat(task.expected()).isEqualTo("matches /B-\\d+/");
    }

    @Test
    void aRunLongerThanTheFileCyclesWithRoundSuffixedIds() throws IOException {
        TaskFile tasks = file("{\"id\": \"a\", \"prompt\": \"one\", \"expected\": \"1\"}\n{\"id\": \"b\", \"prompt\": \"two\", \"expected\": \"2\"}\n");

        assertThat(LongStream.range(0, 7).mapToObj(index -> tasks.task(index).id()).toList())
                .containsExactly("a", "b", "a.r1", "b.r1", "a.r2", "b.r2", "a.r3");
    }

    @Test
    void aRepeatedTaskCarriesItsRoundIdInItsHeaderAndKeepsQuestionAndGrader() throws IOException {
        TaskFile tasks = file("{\"id\": \"a\", \"prompt\": \"one\", \"expected\": \"1\"}\n");

        Task repeated = tasks.task(5);

        assertThat(repeated.prompt()).isEqualTo("[brownout-task id=a.r5 kind=user difficulty=1]\none");
        assertThat(repeated.grader()).isSameAs(tasks.task(0).grader());
        assertThat(repeated.expected()).isEqualTo("1");
    }

    @Test
    void theSizeIsTheNumberOfTasksInTheFile() throws IOException {
        assertThat(file("{\"prompt\": \"a\", \"expected\": \"1\"}\n\n{\"prompt\": \"b\", \"expected\": \"2\"}\n").size()).hasValue(2);
    }

    @Test
    void aRelativeTaskFileIsFoundNextToTheScenario() throws URISyntaxException {
        Path scenarioDirectory = Path.of(Objects.requireNonNull(getClass().getResource("/tasks/support-questions.jsonl")).toURI())
                .getParent();

        TaskSource source = TaskSources.of("support-questions.jsonl", 1, 42, scenarioDirectory);

        assertThat(source.name()).isEqualTo("support-questions.jsonl");
        assertThat(source.size()).hasValue(3);
        assertThat(LongStream.range(0, 3).mapToObj(index -> source.task(index).id()).toList())
                .containsExactly("refund-window", "t2", "ticket-json");
    }

    @Test
    void aNameStartingWithCanaryButEndingInJsonlIsATaskFile() throws IOException {
        Files.writeString(directory.resolve("canary-own.jsonl"), "{\"prompt\": \"p\", \"expected\": \"x\"}\n");

        assertThat(TaskSources.of("canary-own.jsonl", 1, 42, directory)).isInstanceOf(TaskFile.class);
    }

    @Test
    void anUnknownCanarySuiteListsTheValidOnes() {
        assertThatThrownBy(() -> TaskSources.of("canary-poetry", 1, 42, directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown canary suite 'canary-poetry'; valid: canary-arithmetic, canary-lookup, canary-json,"
                        + " canary-tool, canary-chain, canary-mixed, or the path of a .jsonl task file");
    }

    @Test
    void aCanaryDifficultyOutsideOneToNineIsRefused() {
        assertThatThrownBy(() -> TaskSources.of("canary-json", 10, 42, directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("canary difficulty must be between 1 and 9, was 10");
    }
}
