package io.livedrop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.livedrop.notification.support.Events;
import io.livedrop.notification.support.WsClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many sockets connecting while the database pool is exhausted (a reconnect storm after a deploy, a
 * drop going live) wait their turn and are set up once connections free up, instead of being closed
 * with 1011 when a set-up query cannot get a connection in time.
 */
class ConnectStormTests extends NotificationIntegrationTest {

    private static final int SOCKETS = 12;

    @Autowired
    DataSource dataSource;

    @Test
    void socketsOpenedWhileThePoolIsExhaustedAreSetUpOnceItFreesAndReceiveTheNextDrop() throws Exception {
        String creator = id();
        List<String> users = IntStream.range(0, SOCKETS).mapToObj(i -> id()).toList();
        users.forEach(user -> follow(user, creator));
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<WsClient> sockets = new ArrayList<>();
        try {
            try (var exhausted = new BorrowedConnections(pool, pool.getMaximumPoolSize())) {
                for (String user : users) {
                    sockets.add(WsClient.connect(wsUrl(), tokens.realtimeToken(user), null));
                }
                // longer than any query may wait for a connection: without patience every set-up fails
                Thread.sleep(pool.getConnectionTimeout() + 1_500);
            }
            users.forEach(user -> awaitConnections(user, 1));

            String stored = awaitStored(events.dropStarted(Events.drop(creator)));

            for (WsClient socket : sockets) {
                assertThat(socket.next(PATIENCE).path("id").asString()).isEqualTo(stored);
                assertThat(socket.closeCode()).isNotDone();
            }
        } finally {
            sockets.forEach(WsClient::close);
        }
    }

    /** Every connection of the pool, held by the test until closed. */
    private static final class BorrowedConnections implements AutoCloseable {

        private final List<Connection> held = new ArrayList<>();

        BorrowedConnections(DataSource pool, int count) throws SQLException {
            for (int i = 0; i < count; i++) {
                held.add(pool.getConnection());
            }
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }
}
