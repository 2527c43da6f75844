package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.nangsuat.plan.api.PlanFixtures.bacKanPlan;
import static vn.nangsuat.plan.api.PlanFixtures.draft;
import static vn.nangsuat.plan.api.PlanFixtures.drafted;
import static vn.nangsuat.plan.api.PlanFixtures.etagOf;
import static vn.nangsuat.plan.api.PlanFixtures.move;
import static vn.nangsuat.plan.api.PlanFixtures.planIn;
import static vn.nangsuat.plan.api.PlanFixtures.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestTokens;

/** A province drafts its plan, submits it, has it approved and carries it out; every step is kept and announced. */
@QuarkusTest
class PlanResourceTest extends WithBacKanAndThaiNguyen {

    @Test
    void aDraftedPlanIsServedWithItsUnitAndAnnounced() {
        try (EventsProbe events = EventsProbe.open("plan.events")) {
            long plan = draft(bacKanPlan()).statusCode(201)
                    .header("Location", containsString("/api/v1/plans/"))
                    .header("ETag", not(nullValue()))
                    .body("state", equalTo("DRAFT"))
                    .body("unitName", equalTo("Bắc Kạn"))
                    .body("unitValidFrom", equalTo("2004-01-01"))
                    .body("successorUnits", contains("19"))
                    .body("allowedTransitions", containsInAnyOrderOf("SUBMITTED", "WITHDRAWN"))
                    .body("stateBudget", equalTo(2_500_000_000L))
                    .extract().jsonPath().getLong("id");
            given().when().get("/api/v1/plans/{id}", plan).then().statusCode(200)
                    .body("title", equalTo("Kế hoạch nâng cao năng suất tỉnh Bắc Kạn giai đoạn 2021-2025"));

            var created = events.await(e -> String.valueOf(plan).equals(e.key()), 1, Duration.ofSeconds(10));
            assertEquals("vn.nangsuat.plan.created.v1", created.get(0).event().path("type").asText());
            assertEquals("06", created.get(0).event().path("data").path("plan").path("unitCode").asText());
        }
    }

    @Test
    void aPlanGoesThroughItsLifecycleAndEveryStepIsKept() {
        long plan = planIn("IN_PROGRESS");
        given().when().get("/api/v1/plans/{id}/transitions", plan).then().statusCode(200)
                .body("to", contains("DRAFT", "SUBMITTED", "APPROVED", "IN_PROGRESS"))
                .body("from", contains(null, "DRAFT", "SUBMITTED", "APPROVED"))
                .body("seq", contains(1, 2, 3, 4))
                .body("[1].comment", equalTo("moved by the test"))
                .body("actor", hasItem(not(nullValue())));
        given().when().get("/api/v1/plans/{id}", plan).then().body("state", equalTo("IN_PROGRESS"))
                .body("allowedTransitions", containsInAnyOrderOf("COMPLETED", "WITHDRAWN"));
    }

    @Test
    void aReturnedPlanIsSubmittedAgain() {
        long plan = planIn("SUBMITTED");
        move(plan, "RETURNED").statusCode(200).body("state", equalTo("RETURNED"));
        move(plan, "SUBMITTED").statusCode(200).body("state", equalTo("SUBMITTED"));
        move(plan, "WITHDRAWN").statusCode(200).body("state", equalTo("WITHDRAWN")).body("allowedTransitions", hasSize(0));
    }

    @Test
    void anImpossibleTransitionIsA409NamingTheAllowedOnes() {
        long plan = planIn("DRAFT");
        move(plan, "APPROVED").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("allowed: SUBMITTED, WITHDRAWN"))
                .body("errors[0].field", equalTo("to"));
        move(plan, "WITHDRAWN").statusCode(200);
        move(plan, "SUBMITTED").statusCode(409).body("detail", containsString("WITHDRAWN is final"));
        given().when().get("/api/v1/plans/{id}/transitions", plan).then().body("to", contains("DRAFT", "WITHDRAWN"));
    }

    @Test
    void anUnknownTransitionIsA400NamingTo() {
        long plan = planIn("DRAFT");
        given().auth().oauth2(TestTokens.admin()).header("If-Match", etagOf(plan)).contentType(ContentType.JSON)
                .body(Map.of("to", "PUBLISHED")).when().post("/api/v1/plans/{id}/transitions", plan)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("/to"));
    }

    @Test
    void approvalNeedsTheApprovingDecision() {
        long plan = drafted(bacKanPlan());
        move(plan, "SUBMITTED").statusCode(200);
        move(plan, "APPROVED").statusCode(409).body("errors.field", containsInAnyOrderOf("approvalNumber", "approvalDate"));
        given().auth().oauth2(TestTokens.admin()).header("If-Match", etagOf(plan)).contentType(ContentType.JSON)
                .body(Map.of("approvalNumber", "556/QĐ-UBND", "approvalDate", "2021-03-15"))
                .when().patch("/api/v1/plans/{id}", plan).then().statusCode(200).body("approvalNumber", equalTo("556/QĐ-UBND"));
        move(plan, "APPROVED").statusCode(200).body("approvalDate", equalTo("2021-03-15"));
    }

    @Test
    void writesNeedIfMatchAndAFreshOne() {
        long plan = drafted(bacKanPlan());
        String stale = etagOf(plan);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("title", "Kế hoạch mới"))
                .when().patch("/api/v1/plans/{id}", plan).then().statusCode(428).body("errors[0].field", equalTo("If-Match"));
        given().auth().oauth2(TestTokens.admin()).header("If-Match", stale).contentType(ContentType.JSON)
                .body(Map.of("title", "Kế hoạch mới")).when().patch("/api/v1/plans/{id}", plan).then().statusCode(200)
                .header("ETag", not(equalTo(stale)));
        given().auth().oauth2(TestTokens.admin()).header("If-Match", stale).contentType(ContentType.JSON)
                .body(Map.of("to", "SUBMITTED")).when().post("/api/v1/plans/{id}/transitions", plan)
                .then().statusCode(412).contentType("application/problem+json");
        given().when().get("/api/v1/plans/{id}", plan).then().body("state", equalTo("DRAFT")).body("title", equalTo("Kế hoạch mới"));
    }

    /** The unit and the state are not corrections: sending them is refused, not silently ignored with a 200. */
    @Test
    void aCorrectionOfAFieldItCannotChangeIsRefusedNamingItAndChangesNothing() {
        long plan = drafted(bacKanPlan());
        String etag = etagOf(plan);
        given().auth().oauth2(TestTokens.admin()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("title", "Kế hoạch khác", "unitCode", "19"))
                .when().patch("/api/v1/plans/{id}", plan).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("/unitCode"))
                .body("errors[0].message", containsString("it takes approvalDate, approvalNumber"));
        given().auth().oauth2(TestTokens.admin()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("state", "APPROVED")).when().patch("/api/v1/plans/{id}", plan)
                .then().statusCode(400).body("errors[0].field", equalTo("/state"));
        given().when().get("/api/v1/plans/{id}", plan).then().header("ETag", equalTo(etag))
                .body("unitCode", equalTo("06")).body("state", equalTo("DRAFT"));
    }

    @Test
    void anEditorWritesOnlyTheirProvincesPlans() {
        given().when().contentType(ContentType.JSON).body(bacKanPlan()).post("/api/v1/plans").then().statusCode(401);
        given().auth().oauth2(TestTokens.editor("19")).contentType(ContentType.JSON).body(bacKanPlan())
                .when().post("/api/v1/plans").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("06"));
        long plan = given().auth().oauth2(TestTokens.editor("06")).contentType(ContentType.JSON).body(bacKanPlan())
                .when().post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(TestTokens.editor("19")).header("If-Match", etagOf(plan)).contentType(ContentType.JSON)
                .body(Map.of("to", "SUBMITTED")).when().post("/api/v1/plans/{id}/transitions", plan)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.editor("06")).header("If-Match", etagOf(plan)).contentType(ContentType.JSON)
                .body(Map.of("to", "SUBMITTED")).when().post("/api/v1/plans/{id}/transitions", plan)
                .then().statusCode(200);
    }

    @Test
    void aPlanBelongsToAUnitInForceInItsFirstYear() {
        draft(with(with(bacKanPlan(), "startYear", 2026), "endYear", 2030)).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("unitCode"))
                .body("errors[0].message", containsString("ceased on 2025-06-30 and became part of 19"));
        draft(with(bacKanPlan(), "unitCode", "99")).statusCode(400).body("errors[0].field", equalTo("unitCode"))
                .body("errors[0].message", containsString("names no provincial unit"));
        // Read in a provincial office: the same refusal, the same field, in Vietnamese.
        given().auth().oauth2(TestTokens.admin()).header("Accept-Language", "vi").contentType(ContentType.JSON)
                .body(with(with(bacKanPlan(), "startYear", 2026), "endYear", 2030)).when().post("/api/v1/plans")
                .then().statusCode(400).header("Content-Language", "vi").body("errors[0].field", equalTo("unitCode"))
                .body("errors[0].message", equalTo("06 (Bắc Kạn) đã chấm dứt vào ngày 2025-06-30 và đã nhập vào 19: đơn vị"
                        + " này không có hiệu lực vào năm 2026"))
                .body("detail", startsWith("unitCode: 06 (Bắc Kạn) đã chấm dứt"));
        given().auth().oauth2(TestTokens.admin()).header("Accept-Language", "vi").contentType(ContentType.JSON)
                .body(with(bacKanPlan(), "startYear", 1990)).when().post("/api/v1/plans")
                .then().statusCode(400).body("errors[0].field", equalTo("startYear"))
                .body("errors[0].message", equalTo("phải là một năm từ 2000 đến 2100"));
        // 19 in 2025 names the new Thái Nguyên from 1 July: a plan drafted for it belongs to that unit.
        draft(with(with(bacKanPlan(), "unitCode", "19"), "startYear", 2025)).statusCode(201)
                .body("unitValidFrom", equalTo("2025-07-01")).body("successorUnits", hasSize(0));
    }

    @Test
    void hostileInputIsA400NamingTheFieldAndChangesNothing() {
        long before = given().queryParam("unit", "06").when().get("/api/v1/plans").then().extract().jsonPath().getLong("totalItems");
        draft(with(bacKanPlan(), "endYear", 2020)).statusCode(400).body("errors[0].field", equalTo("endYear"));
        draft(with(bacKanPlan(), "startYear", 1900)).statusCode(400).body("errors[0].field", equalTo("startYear"));
        draft(with(bacKanPlan(), "endYear", 3000)).statusCode(400).body("errors[0].field", equalTo("endYear"));
        draft(with(bacKanPlan(), "stateBudget", -1)).statusCode(400).body("errors[0].field", equalTo("stateBudget"));
        draft(with(bacKanPlan(), "otherBudget", new java.math.BigDecimal("1e309"))).statusCode(400)
                .body("errors[0].field", equalTo("otherBudget"));
        draft(with(bacKanPlan(), "title", "x".repeat(10_000_000))).statusCode(anyOf400or413())
                .contentType("application/problem+json");
        draft(with(bacKanPlan(), "legalBasis", "DECISION_99")).statusCode(400).body("errors[0].field", equalTo("/legalBasis"));
        draft(with(bacKanPlan(), "approvalDate", "15/3/2021")).statusCode(400).body("errors[0].field", equalTo("/approvalDate"));
        draft(with(bacKanPlan(), "unitCode", "6")).statusCode(400).body("errors[0].field", equalTo("unitCode"));
        given().when().get("/api/v1/plans/{id}", "abc").then().statusCode(404);
        given().when().get("/api/v1/plans/{id}", 999_999_999).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("unit", "06").when().get("/api/v1/plans").then().body("totalItems", equalTo((int) before));
    }

    @Test
    void plansAreListedByUnitStateAndLegalBasis() {
        long plan = planIn("APPROVED");
        given().queryParam("unit", "06").queryParam("state", "APPROVED").queryParam("legalBasis", "DECISION_36_2021")
                .when().get("/api/v1/plans").then().statusCode(200)
                .body("items.id", hasItem((int) plan))
                .body("items.state", everyItemIs("APPROVED"))
                .header("Link", containsString("rel=\"last\""));
        given().queryParam("state", "SIGNED").when().get("/api/v1/plans").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    private static org.hamcrest.Matcher<Integer> anyOf400or413() {
        return org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(413));
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> containsInAnyOrderOf(String... items) {
        return org.hamcrest.Matchers.containsInAnyOrder(items);
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
