package dev.brownout.sut;

import java.time.Duration;

/** One task as the driver sends it: the task id that joins the provider ledger, the prompt, the budget. */
public record SutRequest(String taskId, String prompt, boolean stream, Duration timeout) {
}
