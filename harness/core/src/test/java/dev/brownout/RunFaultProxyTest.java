package dev.brownout;

import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLoader;
import dev.brownout.sut.SutReply;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A run puts each world it starts behind a fault proxy of its own from the supplier it was given, closed with that world. */
class RunFaultProxyTest {

    @TempDir
    Path runs;

    @Test
    void aRunWithAnAutoBaselineAsksTheSupplierOncePerWorldAndEachBackendClosesWithItsWorld() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<CountedBackend> backends = Collections.synchronizedList(new ArrayList<>());
        List<Integer> portsTheSutSaw = Collections.synchronizedList(new ArrayList<>());
        Sut sut = Sut.inJvm("always-fine", endpoints -> {
            portsTheSutSaw.add(URI.create(endpoints.providers().getFirst().baseUrl()).getPort());
            events.add("SUT started");
            return request -> SutReply.ok("fine", "m");
        });

        BrownoutRun run = Brownout.scenario(shortOutage()).timeScale(0.2).warmup(Duration.ZERO).outputTo(runs)
                .against(sut)
                .faultProxy(() -> {
                    CountedBackend backend = new CountedBackend(FaultProxyBackend.embedded(), backends.size() + 1, events);
                    backends.add(backend);
                    events.add("backend " + backend.number + " started");
                    return backend;
                })
                .run();

        assertThat(run.completed()).as("the run played to its end; stop reason %s", run.stopReason()).isTrue();
        assertThat(events).as("backends started and closed, in order, around the SUT of each world (baseline, then scenario)")
                .containsExactly("backend 1 started", "SUT started", "backend 1 closed",
                        "backend 2 started", "SUT started", "backend 2 closed");
        assertThat(portsTheSutSaw).as("the primary's proxy port each SUT was given").hasSize(2);
        assertThat(backends.get(0).clientPorts).as("ports of backend 1, used by the baseline's world").contains(portsTheSutSaw.get(0));
        assertThat(backends.get(1).clientPorts).as("ports of backend 2, used by the scenario's world").contains(portsTheSutSaw.get(1));
    }

    private static Scenario shortOutage() throws Exception {
        return ScenarioLoader.load(Path.of(Objects.requireNonNull(RunFaultProxyTest.class.getResource("/run/short-outage.yaml")).toURI()));
    }

    /** The embedded backend, numbered, telling when it closes and which proxy ports it handed out. */
    private static final class CountedBackend implements FaultProxyBackend {
        private final FaultProxyBackend delegate;
        private final int number;
        private final List<String> events;
        private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

        CountedBackend(FaultProxyBackend delegate, int number, List<String> events) {
            this.delegate = delegate;
            this.number = number;
            this.events = events;
        }

        @Override
        public String name() {
            return delegate.name() + " #" + number;
        }

        @Override
        public URI controlUrl() {
            return delegate.controlUrl();
        }

        @Override
        public ToxiproxyClient client() {
            return delegate.client();
        }

        @Override
        public String listenAddress(int slot) {
            return delegate.listenAddress(slot);
        }

        @Override
        public String fixedListenAddress(int slot, String host) {
            return delegate.fixedListenAddress(slot, host);
        }

        @Override
        public InetSocketAddress clientAddress(String reportedListen) {
            InetSocketAddress address = delegate.clientAddress(reportedListen);
            clientPorts.add(address.getPort());
            return address;
        }

        @Override
        public String upstreamFor(int localPort) {
            return delegate.upstreamFor(localPort);
        }

        @Override
        public void close() {
            delegate.close();
            events.add("backend " + number + " closed");
        }
    }
}
