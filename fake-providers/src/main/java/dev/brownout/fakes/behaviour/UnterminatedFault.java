package dev.brownout.fakes.behaviour;

import java.util.List;

/**
 * Streams the whole answer, its finish reason and usage included (OpenAI sends usage when the request asks for
 * it), and leaves out only the terminator: no {@code data: [DONE]} (OpenAI) or {@code message_stop} event
 * (Anthropic); the body then ends cleanly. A non-streaming answer has no terminator and is served as usual.
 */
public record UnterminatedFault(Double probability, List<String> models, List<Integer> attempts,
                                FaultCondition when) implements Fault {

    public UnterminatedFault {
        probability = Fault.probabilityOrOne(probability, "unterminated");
        models = Fault.modelsOrAll(models);
        attempts = Fault.attemptsOrAll(attempts, "unterminated");
    }
}
