package dev.brownout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Setting up a scorecard: what a pack argument resolves to, and the set-ups refused before anything plays. */
class ScorecardBuilderTest {

    @TempDir
    Path folder;

    private Path pack() throws IOException {
        for (String name : new String[] {"measure-refusal.yaml", "measure-down.yaml"}) {
            Files.writeString(folder.resolve(name), Files.readString(Path.of("src/test/resources/run/" + name))
                    .replace("../world/instant-catalog.yaml", Path.of("src/test/resources/world/instant-catalog.yaml")
                            .toAbsolutePath().toString()));
        }
        Files.writeString(folder.resolve("notes.txt"), "not a scenario");
        return folder;
    }

    @Test
    void aFolderIsAPackOfItsScenarioFilesInFileNameOrder() throws IOException {
        PackSource pack = PackSource.resolve(pack().toString());

        assertThat(pack.entries()).extracting(PackSource.Entry::name).as("scenarios, named by file")
                .containsExactly("measure-down", "measure-refusal");
        assertThat(pack.label()).as("the pack's name").isEqualTo(folder.getFileName().toString());
    }

    @Test
    void anUnknownPackIsRefusedNamingTheShippedPacks() {
        assertThatThrownBy(() -> Brownout.scorecard("no-such-pack")).as("an unknown pack")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no-such-pack' is neither a shipped pack").hasMessageContaining("shipped packs are");
    }

    @Test
    void eachSetterReturnsANewBuilderAndLeavesItsOwnAlone() throws IOException {
        ScorecardBuilder base = Brownout.scorecard(pack().toString());

        ScorecardBuilder faster = base.timeScale(0.5).parallelism(2).against(Sut.reference("naive"));

        assertThat(faster).as("a new builder").isNotSameAs(base);
        assertThat(base.timeScale).as("the first builder's clock").isEqualTo(1);
        assertThat(base.suts).as("the first builder's SUTs").isEmpty();
        assertThat(faster.parallelism).as("parallelism").isEqualTo(2);
    }

    @Test
    void setUpsThatCannotPlayAreRefusedBeforeAnythingPlays() throws IOException {
        ScorecardBuilder builder = Brownout.scorecard(pack().toString()).outputTo(folder.resolve("card"));

        assertThatThrownBy(builder::run).as("no SUT").hasMessageContaining("a scorecard needs a system under test");
        assertThatThrownBy(() -> builder.parallelism(0)).as("parallelism 0").hasMessageContaining("1 or more");
        assertThatThrownBy(() -> builder.against()).as("an empty SUT list").hasMessageContaining("at least one");
        assertThatThrownBy(() -> builder.timeScale(0)).as("a time scale of 0").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(builder.against(Sut.reference("naive"), Sut.reference("naive"))::run).as("two SUTs, one name")
                .hasMessageContaining("both named 'reference-naive'");
        assertThatThrownBy(builder.against(Sut.reference("naive")).require("measure-down@nobody")::run)
                .as("a pattern naming no SUT").hasMessageContaining("names no SUT of this scorecard");
        assertThat(folder.resolve("card").resolve(ScorecardPlay.RUNS)).as("nothing played").doesNotExist();
    }
}
