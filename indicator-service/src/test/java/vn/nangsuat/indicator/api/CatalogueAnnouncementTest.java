package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nangsuat.indicator.domain.IndicatorRegistry;
import vn.nangsuat.kit.testing.EventsProbe;

/**
 * The catalogue seeded by migrations reaches indicator.events once, so a replica built from the topic alone (plan
 * service's) knows every definition, not only those an admin added later.
 */
@QuarkusTest
class CatalogueAnnouncementTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IndicatorRegistry registry;

    @Test
    void everySeededDefinitionIsAnnouncedAtStart() throws SQLException {
        assertEquals(0, count("SELECT COUNT(*) FROM indicator_definition WHERE announced = FALSE"));
    }

    @Test
    void anUnannouncedDefinitionIsAnnouncedOnceWithItsStateUnchanged() throws SQLException {
        String etag = given().when().get("/api/v1/indicators/GRDP").then().statusCode(200).extract().header("ETag");
        update("UPDATE indicator_definition SET announced = FALSE WHERE code IN ('GRDP', 'EMPLOYED_WORKERS')");
        try (EventsProbe events = EventsProbe.open("indicator.events")) {
            registry.announceUnannounced();
            registry.announceUnannounced();

            List<EventsProbe.Received> defined = events.await(e -> List.of("GRDP", "EMPLOYED_WORKERS").contains(e.key()),
                    2, Duration.ofSeconds(10));
            assertThat(defined, hasSize(2));
            assertEquals("vn.nangsuat.indicator.defined.v1", defined.get(0).event().path("type").asText());
            assertThat(events.drain(Duration.ofSeconds(1)).stream()
                    .filter(e -> List.of("GRDP", "EMPLOYED_WORKERS").contains(e.key())).toList(), hasSize(2));
        } finally {
            update("UPDATE indicator_definition SET announced = TRUE");
        }
        given().when().get("/api/v1/indicators/GRDP").then().statusCode(200).header("ETag", etag);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
