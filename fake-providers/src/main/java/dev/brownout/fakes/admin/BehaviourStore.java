package dev.brownout.fakes.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.brownout.fakes.config.JsonProblem;
import dev.brownout.fakes.config.Mappers;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The behaviour a fake serves with right now. Replaced whole and atomically, so a request sees either
 * the old behaviour or the new one, never a mix; a request that already started keeps what it read.
 */
public final class BehaviourStore<B> {

    private final Class<B> type;
    private final Consumer<B> validator;
    private final AtomicReference<B> current;

    /**
     * @param validator throws {@link IllegalArgumentException} with a precise message when a behaviour's
     *                  values are out of range
     */
    public BehaviourStore(Class<B> type, B initial, Consumer<B> validator) {
        this.type = Objects.requireNonNull(type);
        this.validator = Objects.requireNonNull(validator);
        validator.accept(initial);
        this.current = new AtomicReference<>(initial);
    }

    public B current() {
        return current.get();
    }

    public void replace(B behaviour) {
        validator.accept(Objects.requireNonNull(behaviour, "behaviour"));
        current.set(behaviour);
    }

    /** Parses, validates and installs a behaviour from JSON; throws {@link InvalidBehaviourException} otherwise. */
    public B replace(byte[] json) {
        B parsed;
        try {
            parsed = Mappers.json().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidBehaviourException(JsonProblem.of(e).describe());
        } catch (java.io.IOException e) {
            throw new InvalidBehaviourException("could not read the behaviour: " + e.getMessage());
        }
        if (parsed == null) {
            throw new InvalidBehaviourException("the behaviour must be a JSON object, not null");
        }
        try {
            replace(parsed);
        } catch (IllegalArgumentException e) {
            throw new InvalidBehaviourException(e.getMessage());
        }
        return parsed;
    }
}
