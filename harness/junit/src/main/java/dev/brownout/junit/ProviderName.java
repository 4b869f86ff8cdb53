package dev.brownout.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the provider of the world a {@link dev.brownout.WorldProvider} parameter receives:
 * {@code @ProviderName("primary") WorldProvider primary}. An unannotated {@code WorldProvider} parameter gets
 * the world's only provider, and is refused, with the providers' names, when the world has several.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrownoutExtension.class)
public @interface ProviderName {

    /** The provider's name, as the scenario's world names it. */
    String value();
}
