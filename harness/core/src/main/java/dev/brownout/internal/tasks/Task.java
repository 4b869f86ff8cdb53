package dev.brownout.internal.tasks;

import dev.brownout.fakes.canary.Canaries;
import dev.brownout.sut.SutRequest;
import dev.brownout.sut.SutTool;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One graded task the driver sends to the system under test.
 *
 * @param id         unique within a run, 1 to 64 of {@code A-Z a-z 0-9 . _ : -}; the ledger joins on it
 * @param prompt     what the SUT is asked; always carries a {@code [brownout-task id=<id> ...]} header with this id,
 *                   so the fake providers record every exchange of the task in their ledgers
 * @param expected   the right answer as text, for display (a canary's {@code ANSWER:} value, a task file's
 *                   {@code expected}, or what the grader asks for when the file gives none)
 * @param kind       the canary kind label ({@code arithmetic}, {@code lookup}, {@code json}) or {@code user}
 * @param difficulty 1 (easiest) to 9; 1 for user tasks
 * @param grader     scores the SUT's answer
 * @param tools      the tools the task offers ({@link TaskTools}); empty for most tasks
 */
public record Task(String id, String prompt, String expected, String kind, int difficulty, Grader grader,
                   List<SutTool> tools) {

    /** What a task id may look like: the same rule the fakes' task header follows. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The kind of a task from a task file. */
    public static final String USER_KIND = "user";

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(grader, "grader");
        tools = List.copyOf(tools);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("task id '" + id + "' is not 1 to 64 of A-Z a-z 0-9 . _ : -");
        }
        if (!Canaries.taskIdIn(prompt).map(id::equals).orElse(false)) {
            throw new IllegalArgumentException("the first task header in the prompt of task " + id
                    + " must carry its id, as in " + Canaries.header(id, kind, difficulty));
        }
        if (difficulty < 1 || difficulty > 9) {
            throw new IllegalArgumentException("difficulty must be between 1 and 9, was " + difficulty);
        }
    }

    /** A task that offers no tools. */
    public Task(String id, String prompt, String expected, String kind, int difficulty, Grader grader) {
        this(id, prompt, expected, kind, difficulty, grader, List.of());
    }

    /** The request that sends this task, with its tools. */
    public SutRequest request(boolean stream, Duration timeout) {
        return new SutRequest(id, prompt, stream, timeout, tools);
    }

    /** The grader's score for an answer. */
    public double score(String answer) {
        return grader.score(answer);
    }
}
