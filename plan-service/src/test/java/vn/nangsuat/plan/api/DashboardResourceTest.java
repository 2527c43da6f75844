package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.nangsuat.plan.api.PlanFixtures.bacKanPlan;
import static vn.nangsuat.plan.api.PlanFixtures.drafted;
import static vn.nangsuat.plan.api.PlanFixtures.with;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** One answer with every unit in force, its plans and their targets' statuses, cacheable by ETag. */
@QuarkusTest
class DashboardResourceTest extends WithBacKanAndThaiNguyen {

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
        String etag = settledEtag();
        given().header("If-None-Match", etag).when().get("/api/v1/dashboard").then().statusCode(304);
        long plan = drafted(bacKanPlan());
        given().header("If-None-Match", etag).when().get("/api/v1/dashboard").then().statusCode(200)
                .body("units.find { it.code == '19' }.plans.id", hasItem((int) plan));
    }

    /**
     * The ETag once two reads in a row agree: right after start the replicas may still be filling (units arriving,
     * progress recomputed from earlier tests' events), and each of those changes the dashboard too.
     */
    private static String settledEtag() {
        String previous = null;
        for (int read = 0; read < 100; read++) {
            String etag = given().when().get("/api/v1/dashboard").then().statusCode(200).extract().header("ETag");
            if (etag.equals(previous)) {
                return etag;
            }
            previous = etag;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the dashboard never settled");
    }
}
