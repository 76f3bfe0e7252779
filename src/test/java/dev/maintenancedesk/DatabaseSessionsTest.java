package dev.maintenancedesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every pooled PostgreSQL session of the desk plans with cached-data page costs. */
@DeskTest
class DatabaseSessionsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void pooledSessionsPlanForCachedData() {
        assertThat(jdbc.sql("SHOW random_page_cost").query(String.class).single()).isEqualTo("1.1");
    }
}
