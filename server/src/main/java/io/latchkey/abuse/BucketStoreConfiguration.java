package io.latchkey.abuse;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Chooses the bucket store: the database when it is PostgreSQL, so that limits hold
 * across nodes, and memory on the embedded H2 database, which only one node uses.
 */
@Configuration(proxyBeanMethods = false)
class BucketStoreConfiguration {

	private static final Log logger = LogFactory.getLog(BucketStoreConfiguration.class);

	@Bean
	BucketStore bucketStore(AbuseSettings settings, DataSource dataSource) {
		boolean postgres = isPostgres(dataSource);
		boolean database = switch (settings.store()) {
			case AUTO -> postgres;
			case MEMORY -> false;
			case DATABASE -> {
				if (!postgres) {
					throw new IllegalStateException(
							"latchkey.abuse.store=database needs PostgreSQL; use auto or memory on other databases");
				}
				yield true;
			}
		};
		if (!database && postgres) {
			logger.warn("Rate limits are kept in memory: each node counts on its own");
		}
		return database ? new DatabaseBucketStore(dataSource) : new MemoryBucketStore();
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Cannot tell which database rate limits would use", ex);
		}
	}

}
