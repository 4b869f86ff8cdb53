/**
 * The graded tasks a run sends: canary suites and users' JSONL task files, each a deterministic
 * {@link dev.brownout.internal.tasks.TaskSource} of {@link dev.brownout.internal.tasks.Task}, and the
 * {@link dev.brownout.internal.tasks.Graders} that score an answer in [0, 1].
 * <p>
 * In the flow the driver takes a task per arrival from the source the workload names
 * ({@link dev.brownout.internal.tasks.TaskSources}), and each answer is graded as its exchange ends. The same
 * index gives the same task in the baseline and the chaos run, so their scores pair up. It builds on the
 * canaries of {@code dev.brownout.fakes.canary}; {@code dev.brownout.internal.run} uses it.
 * <p>
 * Internal: it may change without notice. Users reach it through a scenario's {@code workload.tasks}.
 */
package dev.brownout.internal.tasks;
