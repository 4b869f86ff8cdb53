package dev.brownout.internal.tasks;

import java.util.OptionalLong;

/**
 * The tasks of a run, by arrival index. Random access and deterministic: the same source (same seed, same
 * file) gives the same task for an index from any thread in any order, so a baseline run and a chaos run of
 * one scenario send the same task at each index and their scores pair up per task.
 */
public interface TaskSource {

    /** The task for arrival {@code index}, from 0. Task ids are unique across indexes. */
    Task task(long index);

    /** The suite name ({@code canary-arithmetic}) or the task file's name. */
    String name();

    /** How many distinct tasks there are before the source repeats them; empty for an endless canary suite. */
    OptionalLong size();
}
