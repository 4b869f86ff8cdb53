package dev.brownout.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether a port still listens, for tests that check a command closed every port it opened. */
final class Listening {

    private Listening() {
    }

    /** Whether anything accepts a connection at {@code host:port} within half a second. */
    static boolean accepts(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
