package io.reelfm.serving.routing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import io.reelfm.serving.state.StreamsStores;

class UserRouterTest {

    @Test
    void anOwnerThatDidNotAnswerIsNotTriedAgainForAMoment() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StreamsStores stores = new StreamsStores();
        stores.attach(null, new HostInfo("localhost", 1));
        UserRouter router = new UserRouter(stores, Duration.ofSeconds(2), "secret");
        HostInfo gone = new HostInfo("localhost", port);

        assertThatThrownBy(() -> router.forward(gone, "/users/1/recommendations"))
                .isInstanceOf(UserRouter.OwnerUnreachableException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> router.forward(gone, "/users/2/recommendations"))
                .isInstanceOf(UserRouter.OwnerUnreachableException.class)
                .hasStackTraceContaining("not tried again yet");
    }
}
