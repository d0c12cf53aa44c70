package io.reelfm.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free local ports for a broker's listeners, which must all differ. */
final class FreePorts {

    private FreePorts() {
    }

    /**
     * Free ports that differ from each other: every socket stays bound until all are chosen,
     * because the kernel may hand the same ephemeral port out again as soon as one is closed.
     */
    static int[] distinct(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket();
                sockets[i].setReuseAddress(true);
                sockets[i].bind(new InetSocketAddress("localhost", 0));
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    static int otherThan(int taken) throws IOException {
        for (int port : distinct(2)) {
            if (port != taken) {
                return port;
            }
        }
        throw new IllegalStateException("No free port other than " + taken);
    }
}
