/**
 * How every Brownout file format and admin API reads and writes its text: the shared Jackson mappers
 * ({@link dev.brownout.fakes.config.Mappers}, snake_case, unknown fields refused), durations written as
 * {@code 250ms} or {@code 1m30s} ({@link dev.brownout.fakes.config.DurationText}), and a parse failure turned
 * into one line a user can act on ({@link dev.brownout.fakes.config.JsonProblem}).
 * <p>
 * It is used before anything runs (reading scenarios, world and SUT files) and while it runs (behaviours and
 * ledgers over the admin API, records in the run folder). It depends on nothing else in Brownout, so every
 * module can share it.
 * <p>
 * Public API, used throughout the fakes, the harness core and the CLI.
 */
package dev.brownout.fakes.config;
