package dev.brownout.fakes.behaviour;

import java.util.List;

/**
 * Ends the response after {@code after_tokens} output tokens without its terminator: a stream stops with
 * no {@code [DONE]} or {@code message_stop}; a non-streaming body is cut short of what its length promised.
 * {@code mode} says how the connection ends: a clean end of the body (the default), an abort (FIN without
 * the closing chunk) or a reset (RST). A non-streaming body cut short is always broken; there {@code reset}
 * sends RST and the other modes FIN.
 */
public record CutFault(Integer afterTokens, CutMode mode, Double probability, List<String> models,
                       List<Integer> attempts, FaultCondition when) implements Fault {

    public CutFault {
        afterTokens = Fault.atLeast(afterTokens, 0, 1, "cut: after_tokens");
        mode = mode == null ? CutMode.CLEAN : mode;
        probability = Fault.probabilityOrOne(probability, "cut");
        models = Fault.modelsOrAll(models);
        attempts = Fault.attemptsOrAll(attempts, "cut");
    }

    /** A clean cut on every request. */
    public CutFault(Integer afterTokens, Double probability, List<String> models) {
        this(afterTokens, null, probability, models, null, null);
    }
}
