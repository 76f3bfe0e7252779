package dev.maintenancedesk;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How each pooled PostgreSQL session is opened. The desk's tables are small enough to stay in the server's
 * cache, where a random page costs about what a sequential one does; with PostgreSQL's default
 * {@code random_page_cost} (4, for spinning disks) the planner walked the whole primary key backwards to find 51
 * tickets of a common state and priority instead of using their index: 0.73 ms against 0.23 ms a list
 * (docs/benchmarks.md, "Mixed API load"). 1.1 is the usual value for SSDs and cached data. Only the desk's own
 * sessions are concerned; an operator's {@code spring.datasource.hikari.connection-init-sql} wins.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseSessions {

    static final String POSTGRESQL_INIT = "SET random_page_cost = 1.1";

    @Bean
    static BeanPostProcessor postgresqlSessionSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
                    pool.setConnectionInitSql(POSTGRESQL_INIT);
                }
                return bean;
            }
        };
    }
}
