package io.reelfm.serving.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.reelfm.serving.state.StreamsStores;

class UserRouterTest {

    private static UserRouter router() {
        StreamsStores stores = new StreamsStores();
        stores.attach(null, new HostInfo("localhost", 1));
        return new UserRouter(stores, Duration.ofSeconds(2), "secret");
    }

    /** A port nothing listens on (just released). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void anOwnerThatDidNotAnswerIsNotTriedAgainForAMoment() throws IOException {
        UserRouter router = router();
        HostInfo gone = new HostInfo("localhost", freePort());

        assertThatThrownBy(() -> router.forward(gone, "/users/1/recommendations"))
                .isInstanceOf(UserRouter.OwnerUnreachableException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> router.forward(gone, "/users/2/recommendations"))
                .isInstanceOf(UserRouter.OwnerUnreachableException.class)
                .hasStackTraceContaining("not tried again yet");
        router.close();
    }

    @Test
    void anOwnerAnsweringAgainIsForwardedToOnceTheBackgroundProbeHearsIt() throws IOException {
        UserRouter router = router();
        int port = freePort();
        HostInfo owner = new HostInfo("localhost", port);
        assertThatThrownBy(() -> router.forward(owner, "/users/1/recommendations"))
                .isInstanceOf(UserRouter.OwnerUnreachableException.class);
        assertThat(router.suspected(owner)).isTrue();

        HttpServer back = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        back.createContext("/", exchange -> {
            byte[] body = "{}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        back.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !router.suspected(owner));
            assertThat(router.forward(owner, "/users/1/recommendations").status()).isEqualTo(200);
        } finally {
            back.stop(0);
            router.close();
        }
    }
}
