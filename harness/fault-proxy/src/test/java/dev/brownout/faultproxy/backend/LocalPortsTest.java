package dev.brownout.faultproxy.backend;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixed ports the conformance checks bind by number (the race between choosing one and binding it). */
class LocalPortsTest {

    @Test
    void aFixedPortIsFreeAndOutsideTheRangeTheKernelHandsOutForAnyPort() throws IOException {
        int port = EmbeddedBackend.LocalPorts.free();

        assertThat(port).as("a port no bind(0) or outgoing connection is given, so nothing takes it before the proxy binds it")
                .isBetween(EmbeddedBackend.LocalPorts.FIRST_FIXED, EmbeddedBackend.LocalPorts.LAST_FIXED);
        try (ServerSocket bound = new ServerSocket(port)) {
            assertThat(bound.getLocalPort()).as("the chosen port binds").isEqualTo(port);
        }
    }
}
