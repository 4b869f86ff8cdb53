package dev.brownout.faultproxy.internal.toxics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of toxic types the embedded server knows, looked up case-sensitively as Toxiproxy does. */
public final class Toxics {

    private static final List<ToxicType> ALL = List.of(
            new NoopToxic(),
            new LatencyToxic(),
            new BandwidthToxic(),
            new SlowCloseToxic(),
            new TimeoutToxic(),
            new ResetPeerToxic(),
            new SlicerToxic(),
            new LimitDataToxic(),
            new BlackholeToxic());

    private static final Map<String, ToxicType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(ToxicType::name, Function.identity()));

    private Toxics() {
    }

    public static Optional<ToxicType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<ToxicType> all() {
        return ALL;
    }
}
