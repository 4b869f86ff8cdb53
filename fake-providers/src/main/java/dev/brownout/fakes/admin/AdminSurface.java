package dev.brownout.fakes.admin;

import dev.brownout.fakes.ledger.Ledger;

import java.util.function.Supplier;

/**
 * What a fake (provider or OAuth server) exposes under {@link AdminApi#PREFIX}.
 *
 * @param name    the fake's name in its world, e.g. {@code primary}
 * @param kind    {@code provider} or {@code oauth}
 * @param metrics its metrics in the Prometheus text format
 */
public record AdminSurface(String name, String kind, BehaviourStore<?> behaviour, Ledger<?> ledger,
                           Supplier<String> metrics) {
}
