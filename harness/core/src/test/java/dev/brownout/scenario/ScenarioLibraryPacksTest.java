package dev.brownout.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The library's packs as the scenarios jar on the class path ships them. */
class ScenarioLibraryPacksTest {

    @Test
    void packsListsTheFailoverAndOAuthPacks() {
        assertThat(ScenarioLibrary.packs()).as("shipped packs").contains("failover", "oauth");
    }

    @Test
    void aPacksScenariosAreNamedPackSlashScenario() {
        assertThat(ScenarioLibrary.pack("failover")).as("names in the failover pack")
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).as("pack scenario name").matches("failover/[a-z][a-z0-9-]*"))
                .contains("failover/server-error-once");
    }

    @Test
    void containsKnowsPackScenariosAndNotTheBareNameOfOne() {
        assertThat(ScenarioLibrary.contains("failover/server-error-once")).as("failover/server-error-once").isTrue();
        assertThat(ScenarioLibrary.contains("oauth/tokens-revoked")).as("oauth/tokens-revoked").isTrue();
        assertThat(ScenarioLibrary.contains("server-error-once")).as("a pack scenario without its pack").isFalse();
        assertThat(ScenarioLibrary.contains("failover/no-such-scenario")).as("a scenario the pack lacks").isFalse();
    }

    @Test
    void loadReadsAPackScenarioByItsPackName() {
        Scenario scenario = ScenarioLibrary.load("failover/server-error-once");

        assertThat(scenario.name()).as("name of the loaded scenario").isEqualTo("server-error-once");
    }

    @Test
    void anUnknownPackIsRefusedNamingTheShippedOnes() {
        assertThatThrownBy(() -> ScenarioLibrary.pack("chaos"))
                .as("asking for a pack that is not shipped")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no shipped pack is named 'chaos'")
                .hasMessageContaining("failover")
                .hasMessageContaining("oauth");
    }

    @Test
    void listIncludesEveryPackScenario() {
        assertThat(ScenarioLibrary.list()).as("every shipped scenario").extracting(LibraryScenario::name)
                .containsAll(ScenarioLibrary.pack("failover"))
                .containsAll(ScenarioLibrary.pack("oauth"));
    }
}
