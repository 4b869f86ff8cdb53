package dev.brownout.fakes.behaviour;

import java.util.List;

/** Sends one chunk of broken JSON after {@code after_tokens} output tokens, then carries on. */
public record MalformedChunkFault(Integer afterTokens, Double probability, List<String> models,
                                  List<Integer> attempts, FaultCondition when) implements Fault {

    public MalformedChunkFault {
        afterTokens = Fault.atLeast(afterTokens, 0, 1, "malformed_chunk: after_tokens");
        probability = Fault.probabilityOrOne(probability, "malformed_chunk");
        models = Fault.modelsOrAll(models);
        attempts = Fault.attemptsOrAll(attempts, "malformed_chunk");
    }

    /** A broken chunk on every request. */
    public MalformedChunkFault(Integer afterTokens, Double probability, List<String> models) {
        this(afterTokens, probability, models, null, null);
    }
}
