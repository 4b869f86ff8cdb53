package dev.brownout.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Enters a phase of the world's scenario before the test: after the reset, before the {@code @BeforeEach}
 * methods, exactly that phase's faults hold ({@link dev.brownout.BrownoutWorld#enter(String)}). An unknown
 * phase fails the test with the scenario's phases listed.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrownoutExtension.class)
public @interface InPhase {

    /** The phase's name, as the scenario's timeline names it. */
    String value();
}
