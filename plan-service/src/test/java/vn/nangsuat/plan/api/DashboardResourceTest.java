package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.nangsuat.plan.api.PlanFixtures.bacKanPlan;
import static vn.nangsuat.plan.api.PlanFixtures.drafted;
import static vn.nangsuat.plan.api.PlanFixtures.with;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One answer with every unit in force, its plans and their targets' statuses, cacheable by ETag. */
@QuarkusTest
class DashboardResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void knowTheUnits() throws SQLException {
        PlanFixtures.knowBacKanAndThaiNguyen(dataSource);
    }

    @Test
    void theNewThaiNguyenCarriesItsOwnPlansAndThoseOfTheUnitsItWasMadeOf() {
        long bacKan = drafted(bacKanPlan());
        long own = drafted(with(with(with(bacKanPlan(), "unitCode", "19"), "startYear", 2026), "endYear", 2030));
        String path = "units.find { it.code == '19' }.plans";
        given().when().get("/api/v1/dashboard").then().statusCode(200)
                .body("units.code", hasItem("19"))
                .body("units.code", not(hasItem("06")))
                .body(path + ".find { it.id == " + bacKan + " }.inherited", equalTo(true))
                .body(path + ".find { it.id == " + bacKan + " }.unitCode", equalTo("06"))
                .body(path + ".find { it.id == " + own + " }.inherited", equalTo(false))
                .body(path + ".find { it.id == " + own + " }.state", equalTo("DRAFT"));
    }

    @Test
    void theDashboardIsCachedUntilAPlanChanges() {
        String etag = given().when().get("/api/v1/dashboard").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/dashboard").then().statusCode(304);
        drafted(bacKanPlan());
        given().header("If-None-Match", etag).when().get("/api/v1/dashboard").then().statusCode(200);
    }
}
