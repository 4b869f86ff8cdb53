package dev.brownout.internal.sut;

import java.util.List;
import java.util.Map;

/**
 * The {@code command} adapter: one process per task.
 *
 * @param argv        program and arguments, each a template over the world
 * @param prompt      how the prompt reaches the process
 * @param environment added to the world's {@code BROWNOUT_*} variables, values templated
 */
public record CommandSpec(List<String> argv, CommandSut.PromptDelivery prompt, Map<String, String> environment) {

    public CommandSpec {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command SUT needs a program to run");
        }
        prompt = prompt == null ? CommandSut.PromptDelivery.STDIN : prompt;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
}
