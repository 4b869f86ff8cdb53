package dev.brownout.harness.proxy.backend;

/**
 * The data-plane conformance suite against the real Toxiproxy 2.12.0 image. Where Docker is missing
 * every test is skipped (a JUnit assumption), and the report says why.
 */
class ContainerDataPlaneConformanceTest extends DataPlaneConformanceSuite {

    @Override
    protected FaultProxyBackend startBackend() {
        return ContainerBackend.dockerAvailable() ? FaultProxyBackend.container(ContainerBackend.DEFAULT_IMAGE) : null;
    }

    @Override
    protected String unavailableReason() {
        return "Docker is not available, so the real Toxiproxy image cannot run here";
    }
}
