package dev.brownout.internal.sut;

/**
 * Runs one tool call of a task as the harness computes it, when the harness plays the agent in front of a gateway
 * ({@link ToolLoop}).
 */
@FunctionalInterface
public interface ToolExecutor {

    /**
     * The tool's result as text for the model.
     *
     * @param name          the tool the model called
     * @param argumentsJson its arguments as the model wrote them: usually a JSON object's text, but a model can send
     *                      anything, and the result then says what is wrong, as a tool would
     */
    String run(String name, String argumentsJson);
}
