package dev.brownout.junit;

import dev.brownout.faultproxy.backend.FaultProxyBackend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.function.Supplier;

/** Turns a {@link FaultProxy} choice into backends, after checking that the choice can work here. */
final class FaultProxies {

    static final String CONTAINER_BACKEND = "dev.brownout.faultproxy.container.ContainerBackend";
    static final String CONTAINER_ARTIFACT = "dev.brownout:brownout-fault-proxy-container";

    private FaultProxies() {
    }

    /**
     * Backends of the chosen kind, one per call.
     *
     * @throws ExtensionConfigurationException for {@link FaultProxy#CONTAINER} without its artifact on the class path
     * @throws org.opentest4j.TestAbortedException for {@link FaultProxy#CONTAINER} without a Docker engine
     */
    static Supplier<FaultProxyBackend> backends(FaultProxy choice, String origin) {
        if (choice == FaultProxy.EMBEDDED) {
            return FaultProxyBackend::embedded;
        }
        requireContainerArtifact(origin);
        boolean docker;
        try {
            docker = ContainerProxy.dockerAvailable();
        } catch (LinkageError e) {
            throw missingArtifact(origin, e);
        }
        Assumptions.assumeTrue(docker, () -> origin + " asks for faultProxy = CONTAINER (the real Toxiproxy image), "
                + "which needs a Docker engine, and none is reachable here");
        return ContainerProxy::start;
    }

    private static void requireContainerArtifact(String origin) {
        try {
            Class.forName(CONTAINER_BACKEND, false, FaultProxies.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw missingArtifact(origin, e);
        }
    }

    private static ExtensionConfigurationException missingArtifact(String origin, Throwable cause) {
        return new ExtensionConfigurationException(origin + " asks for faultProxy = CONTAINER (the real Toxiproxy image), "
                + "which needs the artifact " + CONTAINER_ARTIFACT + " (and the Testcontainers it brings) on the test "
                + "class path: add it as a test-scoped dependency, or use FaultProxy.EMBEDDED (" + cause + ")", cause);
    }
}
