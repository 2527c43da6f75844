package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import vn.nangsuat.kit.testing.TestTokens;

/**
 * Plans drafted through the API, as a province's Department of Science and Technology would draft them.
 */
final class PlanFixtures {

    private PlanFixtures() {
    }

    /** A Decision 36 plan of Bắc Kạn for 2021-2025, as its Department of Science and Technology would draft it. */
    static Map<String, Object> bacKanPlan() {
        return new HashMap<>(Map.of("unitCode", "06",
                "title", "Kế hoạch nâng cao năng suất tỉnh Bắc Kạn giai đoạn 2021-2025",
                "startYear", 2021, "endYear", 2025, "legalBasis", "DECISION_36_2021",
                "approvingAuthority", "Ủy ban nhân dân tỉnh Bắc Kạn", "leadDepartment", "Sở Khoa học và Công nghệ",
                "stateBudget", 2_500_000_000L));
    }

    static ValidatableResponse draft(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans").then();
    }

    /** Drafts the plan and returns its id. */
    static long drafted(Map<String, Object> body) {
        return draft(body).statusCode(201).extract().jsonPath().getLong("id");
    }

    static String etagOf(long plan) {
        return given().when().get("/api/v1/plans/{id}", plan).then().statusCode(200).extract().header("ETag");
    }

    /** Moves the plan as an admin, with the ETag of a fresh read. */
    static ValidatableResponse move(long plan, String to) {
        return given().auth().oauth2(TestTokens.admin()).header("If-Match", etagOf(plan)).contentType(ContentType.JSON)
                .body(Map.of("to", to, "comment", "moved by the test")).when().post("/api/v1/plans/{id}/transitions", plan)
                .then();
    }

    /** Drafts Bắc Kạn's plan with its approving decision and takes it to the state given through the lifecycle. */
    static long planIn(String state) {
        Map<String, Object> body = bacKanPlan();
        body.put("approvalNumber", "1234/QĐ-UBND");
        body.put("approvalDate", "2021-06-15");
        long plan = drafted(body);
        for (String step : new String[] {"SUBMITTED", "APPROVED", "IN_PROGRESS", "COMPLETED"}) {
            if (state.equals("DRAFT")) {
                break;
            }
            move(plan, step).statusCode(200);
            if (step.equals(state)) {
                break;
            }
        }
        return plan;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
