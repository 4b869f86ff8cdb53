package dev.brownout.fakes.behaviour;

import java.util.List;

/**
 * Ends the response after {@code after_tokens} output tokens without its terminator: a stream stops with
 * no {@code [DONE]} or {@code message_stop}; a non-streaming body is cut short of what its length promised.
 */
public record CutFault(Integer afterTokens, Double probability, List<String> models) implements Fault {

    public CutFault {
        afterTokens = Fault.atLeast(afterTokens, 0, 1, "cut: after_tokens");
        probability = Fault.probabilityOrOne(probability, "cut");
        models = Fault.modelsOrAll(models);
    }
}
