package dev.brownout.harness.proxy.backend;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The data-plane conformance suite against the real Toxiproxy image; skipped where Docker is missing. */
class ContainerDataPlaneConformanceTest extends DataPlaneConformanceSuite {

    @Override
    protected FaultProxyBackend startBackend() {
        assumeTrue(ContainerBackend.dockerAvailable(), "Docker is not available; real Toxiproxy cannot run here");
        return FaultProxyBackend.container(ContainerBackend.DEFAULT_IMAGE);
    }
}
