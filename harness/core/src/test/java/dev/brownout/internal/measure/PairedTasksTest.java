package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brownout.internal.measure.Records.aborted;
import static dev.brownout.internal.measure.Records.answered;
import static dev.brownout.internal.measure.Records.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PairedTasksTest {

    @Test
    void pairsByTaskIdLeavingOutAbortedAndOneSidedTasks() {
        // chaos: t1, t2, t3 (aborted), t4 (not in the baseline); baseline: t2, t1, t3, t5 (not in chaos)
        // pairs: t1, t2 in chaos order; t3 is aborted in chaos so it pairs with nothing and is not "unpaired";
        // unpaired: t4 in chaos; t3 and t5 in the baseline
        List<ExchangeRecord> chaos = List.of(answered("t1", "p", 0, 1), error("t2", "p", 10),
                aborted("t3", "p", 20), answered("t4", "p", 30, 1));
        List<ExchangeRecord> baseline = List.of(answered("t2", "p", 10, 1), answered("t1", "p", 0, 0.5),
                answered("t3", "p", 20, 1), answered("t5", "p", 40, 1));

        PairedTasks paired = PairedTasks.of(chaos, baseline);

        assertThat(paired.pairs()).extracting(pair -> pair.chaos().taskId(), pair -> pair.baseline().taskId(),
                        TaskPair::lost)
                .containsExactly(tuple("t1", "t1", -0.5),
                        tuple("t2", "t2", 1.0));
        assertThat(paired.unpairedChaos()).isEqualTo(1);
        assertThat(paired.unpairedBaseline()).isEqualTo(2);
    }

    @Test
    void aRepeatedTaskIdPairsOccurrenceByOccurrence() {
        // t1 twice in each run: first with first (scores 1 / 1), second with second (0 / 1)
        List<ExchangeRecord> chaos = List.of(answered("t1", "p", 0, 1), answered("t1", "p", 10, 0));
        List<ExchangeRecord> baseline = List.of(answered("t1", "p", 0, 1), answered("t1", "p", 10, 1));

        PairedTasks paired = PairedTasks.of(chaos, baseline);

        assertThat(paired.pairs()).extracting(TaskPair::lost).containsExactly(0.0, 1.0);
    }
}
