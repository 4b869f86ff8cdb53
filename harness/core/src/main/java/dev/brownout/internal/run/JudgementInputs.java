package dev.brownout.internal.run;

import dev.brownout.internal.sut.SutFactory;
import dev.brownout.scenario.SutCapability;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code judgement.json}: what judging a run needs that no other file of its folder keeps, so that the run can be
 * judged again later from its folder alone ({@link StoredRun#rejudged()}): the SUT's name and the capabilities it
 * declares it lacks (which make checks n/a).
 *
 * @param sutLacking capability labels ({@code fallback}, {@code streaming})
 */
record JudgementInputs(String sut, List<String> sutLacking) {

    static final String FILE = "judgement.json";

    JudgementInputs {
        sutLacking = sutLacking == null ? List.of() : List.copyOf(sutLacking);
    }

    static JudgementInputs of(SutFactory sut) {
        return new JudgementInputs(sut.name(), sut.lacking().stream().map(SutCapability::label).sorted().toList());
    }

    Set<SutCapability> lacking() {
        return sutLacking.stream().map(label -> SutCapability.fromLabel(label).orElseThrow(() ->
                new IllegalArgumentException(FILE + " names an unknown capability '" + label + "'")))
                .collect(Collectors.toUnmodifiableSet());
    }
}
