package dev.brownout.internal.sut;

import dev.brownout.scenario.SutCapability;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a SUT file declares the SUT can do ({@code capabilities:}); a capability left out is not declared
 * either way, and a check that needs it is judged as usual.
 *
 * @param fallback  whether it can answer from another provider or model when one fails; null when not declared
 * @param streaming whether it streams answers to its caller; null when not declared
 */
public record SutCapabilities(Boolean fallback, Boolean streaming) {

    /** Nothing declared: every check is judged. */
    public static final SutCapabilities UNDECLARED = new SutCapabilities(null, null);

    /** The reference gateways: both stream; only the resilient one falls back to another provider. */
    static SutCapabilities ofReference(String gateway) {
        return new SutCapabilities(SutSpec.RESILIENT.equals(gateway), true);
    }

    /** The capabilities it declares it does not have; a check that needs one of them is not applicable. */
    public Set<SutCapability> lacking() {
        Set<SutCapability> lacking = EnumSet.noneOf(SutCapability.class);
        if (Boolean.FALSE.equals(fallback)) {
            lacking.add(SutCapability.FALLBACK);
        }
        if (Boolean.FALSE.equals(streaming)) {
            lacking.add(SutCapability.STREAMING);
        }
        return Set.copyOf(lacking);
    }

    /** These, with what they leave undeclared taken from {@code defaults}. */
    SutCapabilities orElse(SutCapabilities defaults) {
        return new SutCapabilities(fallback != null ? fallback : defaults.fallback,
                streaming != null ? streaming : defaults.streaming);
    }
}
