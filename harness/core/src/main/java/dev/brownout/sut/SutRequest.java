package dev.brownout.sut;

import java.time.Duration;
import java.util.List;

/**
 * One task as the driver sends it: the task id that joins the provider ledger, the prompt, the budget, and the tools
 * the task offers. A SUT that is an agent may call the tools; for a SUT that is a gateway speaking an LLM API, the
 * harness plays the agent (see {@code docs/sut.md}).
 *
 * @param tools the tools the task offers, in order; empty when it offers none
 */
public record SutRequest(String taskId, String prompt, boolean stream, Duration timeout, List<SutTool> tools) {

    public SutRequest {
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /** A request that offers no tools. */
    public SutRequest(String taskId, String prompt, boolean stream, Duration timeout) {
        this(taskId, prompt, stream, timeout, List.of());
    }
}
