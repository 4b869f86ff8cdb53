package dev.brownout.internal.run;

import dev.brownout.Brownout;
import dev.brownout.BrownoutRun;
import dev.brownout.Sut;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.CheckStatus;
import dev.brownout.reports.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run judged again from its folder alone: measure-refusal (the primary refuses on content policy for the middle
 * second) played once against the naive reference gateway, which declares it has no fallback, so the check that
 * needs one is n/a.
 */
class StoredRunTest {

    @TempDir
    static Path shared;

    static BrownoutRun played;

    @TempDir
    Path own;

    @BeforeAll
    static void playTheRefusalAgainstTheNaiveGateway() {
        played = Brownout.scenario(RunFixtures.resource("/run/measure-refusal.yaml"))
                .timeScale(0.5).warmup(Duration.ZERO).noBaseline()
                .against(Sut.reference("naive"))
                .outputTo(shared)
                .run();
    }

    private static CheckStatus claimedModelMatches(RunResult result) {
        return result.conduct().checks().stream().filter(check -> check.name().equals("claimed_model_matches"))
                .map(CheckResult::status).findFirst().orElseThrow();
    }

    private Path copyOfPlayed() throws IOException {
        Path copy = own.resolve("run");
        try (Stream<Path> files = Files.walk(played.folder())) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(played.folder().relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    @Test
    void aRunJudgedAgainFromItsFolderGetsTheSameConductAndFigures() {
        RunResult stored = played.result();

        RunResult again = StoredRun.at(played.folder()).rejudged();

        assertThat(again.conduct()).as("verdict, reason, checks and phase verdicts").isEqualTo(stored.conduct());
        assertThat(again.summary()).as("the run's figures").isEqualTo(stored.summary());
        assertThat(again.exchanges()).as("the exchanges, redacted alike").isEqualTo(stored.exchanges());
        assertThat(again.security()).as("security findings, from the secrets the seed gives").isEqualTo(stored.security());
    }

    @Test
    void whatTheSutLackedIsKeptBesideTheRunSoAChecksNotApplicableStatusSurvivesTheRejudgement() throws IOException {
        Path copy = copyOfPlayed();

        assertThat(claimedModelMatches(played.result())).as("as played: the naive gateway has no fallback")
                .isEqualTo(CheckStatus.NOT_APPLICABLE);
        assertThat(claimedModelMatches(StoredRun.at(copy).rejudged())).as("judged again with judgement.json")
                .isEqualTo(CheckStatus.NOT_APPLICABLE);
        Files.delete(copy.resolve("judgement.json"));
        assertThat(claimedModelMatches(StoredRun.at(copy).rejudged()))
                .as("judged again without it: the SUT is taken to lack nothing, so the check is judged")
                .isNotEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void aFolderWithoutAResultIsRefusedNamingTheFolder() {
        assertThatThrownBy(() -> StoredRun.at(own)).as("an empty folder")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(own + " has no result.json");
    }
}
