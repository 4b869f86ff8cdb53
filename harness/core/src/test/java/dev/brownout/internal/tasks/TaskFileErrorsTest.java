package dev.brownout.internal.tasks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every mistake in a task file is reported before the run, naming the file, the line, the field and what is valid. */
class TaskFileErrorsTest {

    private static final String GOOD = "{\"id\": \"ok\", \"prompt\": \"What is 6 x 7?\", \"expected\": \"42\"}";

    @TempDir
    Path directory;

    private Path file;

    private TaskFileException loading(String... lines) throws IOException {
        file = directory.resolve("tasks.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return catchThrowableOfType(TaskFileException.class, () -> TaskFile.load(file));
    }

    private String at(int line, String field) {
        return file + ", line " + line + ", field \"" + field + "\": ";
    }

    @Test
    void aMissingPromptIsNamedWithItsLine() throws IOException {
        TaskFileException error = loading(GOOD, "{\"id\": \"q2\", \"expected\": \"x\"}");

        assertThat(error.getMessage()).isEqualTo(at(2, "prompt")
                + "missing: every task needs \"prompt\", the question sent to the system under test");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.field()).isEqualTo("prompt");
        assertThat(error.file()).isEqualTo(file);
    }

    @Test
    void aBlankPromptIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"  \", \"expected\": \"x\"}").getMessage())
                .startsWith(at(1, "prompt") + "is blank");
    }

    @Test
    void anUnknownGraderTypeListsTheValidOnes() throws IOException {
        TaskFileException error = loading(GOOD, GOOD.replace("\"ok\"", "\"q2\"").replace("}", ", \"grader\": {\"type\": \"fuzzy\"}}"));

        assertThat(error.getMessage()).isEqualTo(at(2, "grader.type")
                + "unknown grader type \"fuzzy\"; valid types: exact, regex, numeric, contains, json_schema");
    }

    @Test
    void aGraderWithoutATypeListsTheValidOnes() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"expected\": \"x\", \"grader\": {\"case_sensitive\": false}}").getMessage())
                .isEqualTo(at(1, "grader.type") + "missing; valid types: exact, regex, numeric, contains, json_schema");
    }

    @Test
    void aBadRegexIsReportedOnItsPatternField() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"grader\": {\"type\": \"regex\", \"pattern\": \"order (\\\\d+\"}}").getMessage())
                .startsWith(at(1, "grader.pattern") + "not a valid regular expression: Unclosed group");
    }

    @Test
    void aBadRegexGivenAsExpectedIsReportedOnExpected() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"expected\": \"[a-\", \"grader\": {\"type\": \"regex\"}}").getMessage())
                .startsWith(at(1, "expected") + "not a valid regular expression");
    }

    @Test
    void aRegexGraderWithNeitherPatternNorExpectedIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"grader\": {\"type\": \"regex\"}}").getMessage())
                .isEqualTo(at(1, "grader.pattern") + "missing: a regex grader needs a pattern in grader.pattern (or in expected)");
    }

    @Test
    void aNegativeToleranceIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"expected\": \"3\", \"grader\": {\"type\": \"numeric\", \"tolerance\": -0.5}}")
                .getMessage()).isEqualTo(at(1, "grader.tolerance") + "must be 0 or more, was -0.5");
    }

    @Test
    void aNegativeRelativeToleranceIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"expected\": \"3\", \"grader\": {\"type\": \"numeric\", \"relative_tolerance\": -1}}")
                .getMessage()).isEqualTo(at(1, "grader.relative_tolerance") + "must be 0 or more, was -1");
    }

    @Test
    void aToleranceWrittenAsTextIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"expected\": \"3\", \"grader\": {\"type\": \"numeric\", \"tolerance\": \"0.5\"}}")
                .getMessage()).isEqualTo(at(1, "grader.tolerance") + "must be a number, 0 or more, was a JSON string");
    }

    @Test
    void aNumericGraderWhoseExpectedIsNoNumberIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"expected\": \"forty-two\", \"grader\": {\"type\": \"numeric\"}}").getMessage())
                .startsWith(at(1, "expected") + "expected 'forty-two' is not a number");
    }

    @Test
    void anInvalidJsonSchemaIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"grader\": {\"type\": \"json_schema\", \"schema\": {\"type\": \"strnig\"}}}")
                .getMessage()).startsWith(at(1, "grader.schema") + "not a valid JSON Schema: ");
    }

    @Test
    void aJsonSchemaGraderWithoutASchemaIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"grader\": {\"type\": \"json_schema\"}}").getMessage())
                .startsWith(at(1, "grader.schema") + "missing: a json_schema grader needs the schema inline");
    }

    @Test
    void aLineThatIsNotJsonAtAllIsNamedWithAnExample() throws IOException {
        TaskFileException error = loading(GOOD, "", "prompt: What is 6 x 7?");

        assertThat(error.getMessage()).startsWith(file + ", line 3: not JSON (")
                .endsWith("each line is one JSON object, such as {\"id\": \"q1\", \"prompt\": \"What is 6 x 7?\","
                        + " \"expected\": \"42\", \"grader\": {\"type\": \"numeric\"}}");
        assertThat(error.field()).isNull();
    }

    @Test
    void aLineThatIsJsonButNotAnObjectIsRefused() throws IOException {
        assertThat(loading("[\"What is 6 x 7?\", \"42\"]").getMessage())
                .startsWith(file + ", line 1: a JSON array, not an object");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertThat(loading("", "   ").getMessage())
                .startsWith(file + ": the task file has no tasks; write one JSON object per line, such as {");
    }

    @Test
    void aMissingFileIsRefusedWithoutAStackTrace() {
        Path missing = directory.resolve("nowhere.jsonl");

        assertThatThrownBy(() -> TaskFile.load(missing)).isInstanceOf(TaskFileException.class)
                .hasMessage(missing + ": no such task file");
    }

    @Test
    void anUnknownFieldIsNamed() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"expect\": \"x\"}").getMessage())
                .isEqualTo(at(1, "expect") + "unknown field; a task has id, prompt, expected and grader");
    }

    @Test
    void anOptionOfAnotherGraderTypeListsTheTypesOptions() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"expected\": \"3\", \"grader\": {\"type\": \"numeric\", \"case_sensitive\": false}}")
                .getMessage()).isEqualTo(at(1, "grader.case_sensitive")
                + "not an option of a numeric grader; its options: tolerance, relative_tolerance, answer_line");
    }

    @Test
    void aDuplicateIdNamesTheEarlierLine() throws IOException {
        assertThat(loading(GOOD, GOOD).getMessage())
                .isEqualTo(at(2, "id") + "id \"ok\" is already the id of the task on line 1; ids must be unique in a file");
    }

    @Test
    void aDefaultIdCollidingWithAnExplicitOneIsADuplicate() throws IOException {
        assertThat(loading("{\"id\": \"t2\", \"prompt\": \"p\", \"expected\": \"x\"}", "{\"prompt\": \"p\", \"expected\": \"x\"}")
                .getMessage()).startsWith(at(2, "id") + "id \"t2\" is already the id of the task on line 1");
    }

    @Test
    void anIdWithIllegalCharactersIsRefused() throws IOException {
        assertThat(loading("{\"id\": \"refund window\", \"prompt\": \"p\", \"expected\": \"x\"}").getMessage())
                .startsWith(at(1, "id") + "\"refund window\" is not a valid id: use 1 to 43 of A-Z a-z 0-9 . _ : -");
    }

    @Test
    void anIdTooLongToCycleIsRefused() throws IOException {
        assertThat(loading("{\"id\": \"" + "x".repeat(44) + "\", \"prompt\": \"p\", \"expected\": \"x\"}").getMessage())
                .startsWith(at(1, "id")).contains("is not a valid id: use 1 to 43");
    }

    @Test
    void anIdLikeARepeatedRoundsIdIsRefused() throws IOException {
        assertThat(loading("{\"id\": \"refund.r2\", \"prompt\": \"p\", \"expected\": \"x\"}").getMessage())
                .startsWith(at(1, "id") + "\"refund.r2\" ends like a repeated round's id (.r<number>)");
    }

    @Test
    void anExactGraderWithoutExpectedIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\"}").getMessage())
                .isEqualTo(at(1, "expected") + "missing: an exact grader compares the answer with \"expected\"");
    }

    @Test
    void anExpectedThatIsAnObjectIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"expected\": {\"a\": 1}}").getMessage())
                .isEqualTo(at(1, "expected") + "must be a string (or a number), was a JSON object");
    }

    @Test
    void aFlagThatIsNotTrueOrFalseIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"expected\": \"x\", \"grader\": {\"type\": \"exact\", \"answer_line\": \"yes\"}}")
                .getMessage()).isEqualTo(at(1, "grader.answer_line") + "must be true or false, was \"yes\"");
    }

    @Test
    void aGraderThatIsNotAnObjectIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"expected\": \"x\", \"grader\": \"exact\"}").getMessage())
                .isEqualTo(at(1, "grader") + "must be an object such as {\"type\": \"exact\"}, was a JSON string");
    }

    @Test
    void aDuplicateKeyOnALineIsRefused() throws IOException {
        assertThat(loading("{\"prompt\": \"p\", \"prompt\": \"q\", \"expected\": \"x\"}").getMessage())
                .startsWith(file + ", line 1: not JSON (Duplicate field 'prompt'");
    }

    @Test
    void theFirstBadLineIsReportedEvenAfterGoodOnes() throws IOException {
        assertThat(loading(GOOD.replace("ok", "a"), GOOD.replace("ok", "b"), "{}").line()).isEqualTo(3);
    }
}
