package dev.brownout.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunResultsTest {

    @TempDir
    Path folder;

    @Test
    void aFullyPopulatedResultRoundTripsToAnEqualRecord() {
        RunResult full = RunResultFixtures.full();

        assertThat(RunResults.parse(RunResults.toJson(full), "full")).isEqualTo(full);
    }

    @Test
    void aMinimalResultRoundTripsToAnEqualRecord() {
        RunResult minimal = RunResultFixtures.minimal();

        assertThat(RunResults.parse(RunResults.toJson(minimal), "minimal")).isEqualTo(minimal);
    }

    @Test
    void nullsAreWrittenNotLeftOut() {
        JsonNode json = SchemaValidation.tree(RunResultFixtures.minimal());

        assertThat(json.has("stop_reason")).as("stop_reason present").isTrue();
        assertThat(json.get("stop_reason").isNull()).as("stop_reason written as null").isTrue();
        assertThat(json.get("attribution").isNull()).as("attribution written as null").isTrue();
    }

    @Test
    void instantsAreWrittenAsIso8601Text() {
        JsonNode json = SchemaValidation.tree(RunResultFixtures.full());

        assertThat(json.get("started_at").asText()).isEqualTo("2025-03-14T09:26:53.589Z");
        assertThat(json.at("/phases/1/took_effect/openai").asText()).isEqualTo("2025-03-14T09:26:56.599Z");
    }

    @Test
    void derivedMethodsAreNotWrittenAsProperties() {
        JsonNode json = SchemaValidation.tree(RunResultFixtures.full());

        assertThat(SchemaProperties.names(json.get("attribution"))).as("attribution's properties")
                .doesNotContain("total");
        assertThat(SchemaProperties.names(json.at("/scenario/timeline/1"))).as("a phase spec's properties")
                .doesNotContain("faulted");
        assertThat(SchemaProperties.names(json.at("/conduct"))).as("an enum's label() stays a value")
                .doesNotContain("label");
    }

    @Test
    void theProbeIsWrittenWithoutItsDerivedAnsweredFlag() {
        JsonNode json = SchemaValidation.tree(RunResultFixtures.full());

        assertThat(json.at("/probe/outcome").asText()).as("the probe's outcome").isEqualTo("answered");
        assertThat(SchemaProperties.names(json.get("probe"))).as("the probe's properties").doesNotContain("answered");
    }

    @Test
    void aResultWrittenBeforeTheProbeExistedReadsWithNoProbe() {
        ObjectNode json = SchemaValidation.tree(RunResultFixtures.full());
        json.remove("probe");

        RunResult read = RunResults.parse(json.toString(), "older result.json");

        assertThat(read.probe()).as("the probe of a result that has none").isNull();
        assertThat(read.exchanges()).as("the rest of it is read as before").hasSize(2);
    }

    @Test
    void derivedMethodsStillWorkAfterReadingBack() {
        RunResult read = RunResults.parse(RunResults.toJson(RunResultFixtures.full()), "full");

        assertThat(read.attribution().total()).isCloseTo(0.22, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(read.scenario().timeline()).extracting(PhaseSpec::faulted).containsExactly(false, true, false);
    }

    @Test
    void readsWhatWriteWrote() {
        Path file = folder.resolve(RunResults.FILE_NAME);
        RunResults.write(file, RunResultFixtures.full());

        assertThat(RunResults.read(file)).isEqualTo(RunResultFixtures.full());
    }

    @Test
    void writeLeavesExactlyOneFileAndNoTemporaryFile() throws Exception {
        Path file = folder.resolve(RunResults.FILE_NAME);
        RunResults.write(file, RunResultFixtures.full());

        try (var files = Files.list(folder)) {
            assertThat(files.toList()).as("files in the run folder after a write").containsExactly(file);
        }
    }

    @Test
    void writeReplacesAnExistingResult() throws Exception {
        Path file = folder.resolve(RunResults.FILE_NAME);
        RunResults.write(file, RunResultFixtures.full());
        RunResults.write(file, RunResultFixtures.minimal());

        assertThat(RunResults.read(file)).isEqualTo(RunResultFixtures.minimal());
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).as("files in the run folder after two writes").containsExactly(file);
        }
    }

    @Test
    void writeCreatesMissingFolders() {
        Path file = folder.resolve("runs/2025-03-14/" + RunResults.FILE_NAME);
        RunResults.write(file, RunResultFixtures.minimal());

        assertThat(file).isRegularFile();
    }

    @Test
    void readingTextThatIsNotJsonNamesTheFileAndLine() throws Exception {
        Path file = write("{\n  \"schema_version\": \"1\",\n  \"scenario\": oops\n}");

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ":3: not valid JSON");
    }

    @Test
    void readingAnotherSchemaVersionSaysWhichVersionItReads() throws Exception {
        ObjectNode json = SchemaValidation.tree(RunResultFixtures.full());
        json.put("schema_version", "2");
        Path file = write(json.toString());

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": schema_version '2'; this brownout reads version 1");
    }

    @Test
    void readingAResultWithoutASchemaVersionSaysItIsMissing() throws Exception {
        ObjectNode json = SchemaValidation.tree(RunResultFixtures.full());
        json.remove("schema_version");
        Path file = write(json.toString());

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": schema_version missing; this brownout reads version 1");
    }

    @Test
    void readingTextWhereANumberGoesNamesTheFieldPath() throws Exception {
        ObjectNode json = SchemaValidation.tree(RunResultFixtures.full());
        ((ObjectNode) json.get("summary")).put("exchanges", "many");
        Path file = write(json.toString());

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": field 'summary.exchanges': ")
                .hasMessageContaining("many");
    }

    @Test
    void readingABadValueInAListNamesItsIndex() throws Exception {
        ObjectNode json = SchemaValidation.tree(RunResultFixtures.full());
        ((ObjectNode) json.at("/exchanges/1")).put("cause", "gremlins");
        Path file = write(json.toString());

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": field 'exchanges[1].cause': ")
                .hasMessageContaining("gremlins");
    }

    @Test
    void readingAnUnknownPropertyNamesIt() throws Exception {
        ObjectNode json = SchemaValidation.tree(RunResultFixtures.full());
        ((ObjectNode) json.get("cost")).put("total_eur", 1.0);
        Path file = write(json.toString());

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": field 'cost.total_eur': ");
    }

    @Test
    void readingNullForACountNamesTheField() throws Exception {
        ObjectNode json = SchemaValidation.tree(RunResultFixtures.full());
        ((ObjectNode) json.get("summary")).putNull("errors");
        Path file = write(json.toString());

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": field 'summary.errors': ");
    }

    @Test
    void readingNullForAListNamesTheField() throws Exception {
        ObjectNode json = SchemaValidation.tree(RunResultFixtures.full());
        json.putNull("phases");
        Path file = write(json.toString());

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": field 'phases': ");
    }

    @Test
    void readingAResultWithoutAListNamesTheField() throws Exception {
        ObjectNode json = SchemaValidation.tree(RunResultFixtures.full());
        json.remove("warnings");
        Path file = write(json.toString());

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": field 'warnings': ");
    }

    @Test
    void readingAnEmptyFileSaysItIsNotARunResult() throws Exception {
        Path file = write("");

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": not a run result (expected a JSON object)");
    }

    @Test
    void readingAJsonArraySaysItIsNotARunResult() throws Exception {
        Path file = write("[1, 2]");

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": not a run result (expected a JSON object)");
    }

    @Test
    void readingAMissingFileNamesIt() {
        Path file = folder.resolve("nowhere/" + RunResults.FILE_NAME);

        assertThatThrownBy(() -> RunResults.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": cannot read the run result")
                .hasNoCause();
    }

    private Path write(String text) throws Exception {
        Path file = folder.resolve(RunResults.FILE_NAME);
        Files.writeString(file, text);
        return file;
    }

}
