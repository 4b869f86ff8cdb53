/**
 * Checks a YAML file against its published JSON Schema and places each problem at a line, column and field,
 * so the file formats built on it can report everything wrong at once.
 * <p>
 * It works before anything is started: {@code dev.brownout.scenario} (scenario files) and
 * {@code dev.brownout.internal.sut} (SUT files) run YAML syntax and the schema through
 * {@link dev.brownout.internal.checkedfile.YamlFileSchema}, then add their own checks with a
 * {@link dev.brownout.internal.checkedfile.FileProblems} collector. Problems come out as
 * {@code dev.brownout.input} types.
 * <p>
 * Internal: it may change without notice. Users reach it only through
 * {@code dev.brownout.scenario.ScenarioLoader} and {@code dev.brownout.Sut#fromFile}.
 */
package dev.brownout.internal.checkedfile;
