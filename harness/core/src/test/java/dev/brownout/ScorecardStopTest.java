package dev.brownout;

import dev.brownout.reports.scorecard.Scorecard;
import dev.brownout.reports.scorecard.ScorecardCell;
import dev.brownout.reports.scorecard.Scorecards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A scorecard stopped part-way (a Ctrl-C) keeps the cells it played and is written all the same. */
class ScorecardStopTest {

    @TempDir
    Path folder;

    private Path pack() throws IOException {
        Path pack = Files.createDirectories(folder.resolve("pack"));
        for (String name : new String[] {"measure-down.yaml", "measure-refusal.yaml"}) {
            Files.writeString(pack.resolve(name), Files.readString(Path.of("src/test/resources/run/" + name))
                    .replace("../world/instant-catalog.yaml", Path.of("src/test/resources/world/instant-catalog.yaml")
                            .toAbsolutePath().toString()));
        }
        return pack;
    }

    @Test
    void aScorecardStoppedAfterItsFirstCellWritesThatCellAndLeavesTheRestUnplayed() throws Exception {
        AtomicReference<PreparedScorecard> control = new AtomicReference<>();
        PreparedScorecard prepared = Brownout.scorecard(pack().toString())
                .against(Sut.reference("naive"))
                .timeScale(0.5)
                .outputTo(folder.resolve("card"))
                .observer(new ScorecardObserver() {
                    @Override
                    public void cellFinished(ScorecardCell cell) {
                        control.get().stop("the test stopped it after its first cell");
                    }
                })
                .prepare();
        control.set(prepared);

        BrownoutScorecard played = prepared.play();

        Scorecard card = played.scorecard();
        assertThat(card.cells()).as("cells of the stopped scorecard").hasSize(2);
        ScorecardCell first = card.cells().get(0);
        assertThat(first.completed()).as("the first cell played to its end: %s", first.reason()).isTrue();
        assertThat(first.verdict()).as("the first cell's verdict: %s", first.reason()).isNotNull();
        ScorecardCell second = card.cells().get(1);
        assertThat(second.verdict()).as("the cell never started has no verdict").isNull();
        assertThat(second.completed()).as("the cell never started is incomplete").isFalse();
        assertThat(second.reason()).as("why the second cell has no verdict")
                .isEqualTo("not played: the scorecard stopped first (the test stopped it after its first cell)");
        assertThat(Files.exists(folder.resolve("card").resolve("runs/reference-naive/measure-refusal")))
                .as("a run folder for the cell never started").isFalse();
        assertThat(Scorecards.read(played.json())).as("scorecard.json as written").isEqualTo(card);
        assertThat(played.markdown()).as("scorecard.md").isRegularFile();
        assertThat(card.anyIncomplete()).as("the scorecard counts as ended early").isTrue();
        assertThat(prepared.awaitFinished(Duration.ZERO)).as("finished once play() returned").isTrue();
    }
}
