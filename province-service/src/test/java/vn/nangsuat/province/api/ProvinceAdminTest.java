package vn.nangsuat.province.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestTokens;
import vn.nangsuat.province.TestUnits;

@QuarkusTest
class ProvinceAdminTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void forgetEarlierRuns() {
        TestUnits.forget(dataSource, CODES);
    }

    /** Some tests make units in force today; other test classes count today's units, so they go again. */
    @AfterEach
    void leaveNoUnitInForceToday() {
        TestUnits.forget(dataSource, CODES);
    }

    private static final List<String> CODES = List.of("90", "97", "98", "81", "85", "88", "71", "73", "13", "16", "18",
            "21", "28");

    private static Map<String, Object> unit(String code, String name, String validFrom) {
        return Map.of("code", code, "name", name, "kind", "PROVINCE", "region", "SOUTHEAST", "validFrom", validFrom);
    }

    private static String create(String code, String name, String validFrom) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(unit(code, name, validFrom))
                .when().post("/api/v1/provinces")
                .then().statusCode(201).extract().header("ETag");
    }

    @Test
    void writesNeedAnAdminToken() {
        given().contentType(ContentType.JSON).body(unit("90", "Thử", "2031-01-01"))
                .when().post("/api/v1/provinces")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("not.a.token").contentType(ContentType.JSON).body(unit("90", "Thử", "2031-01-01"))
                .when().post("/api/v1/provinces")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.editor("38")).contentType(ContentType.JSON).body(unit("90", "Thử", "2031-01-01"))
                .when().post("/api/v1/provinces")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aCreatedUnitIsServedFromItsFirstDayAndAnnounced() {
        try (EventsProbe events = EventsProbe.open("province.events")) {
            given().auth().oauth2(TestTokens.admin()).header("X-Request-Id", "create-90").contentType(ContentType.JSON)
                    .body(unit("90", "Tỉnh Thử Nghiệm", "2031-01-01"))
                    .when().post("/api/v1/provinces")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/v1/provinces/90?asOf=2031-01-01"))
                    .header("ETag", notNullValue())
                    .body("name", equalTo("Tỉnh Thử Nghiệm")).body("validTo", equalTo(null));
            given().queryParam("asOf", "2031-01-01").when().get("/api/v1/provinces/90").then().statusCode(200);
            given().queryParam("asOf", "2030-12-31").when().get("/api/v1/provinces/90").then().statusCode(404);

            var created = events.await(e -> "90".equals(e.key()), 1, Duration.ofSeconds(10));
            assertThat(created, hasSize(1));
            var event = created.get(0).event();
            assertEquals("1.0", event.path("specversion").asText());
            assertEquals("vn.nangsuat.province.created.v1", event.path("type").asText());
            assertEquals("urn:nangsuat:province-service", event.path("source").asText());
            assertEquals("90", event.path("subject").asText());
            assertEquals("create-90", event.path("requestid").asText());
            assertEquals("Tỉnh Thử Nghiệm", event.path("data").path("unit").path("name").asText());
        }
    }

    @Test
    void aCodeInUseFromThatDateIsAConflict() {
        create("90", "Tỉnh Thử Nghiệm", "2031-01-01");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(unit("90", "Khác", "2035-01-01"))
                .when().post("/api/v1/provinces")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anInvalidBodyIsA400NamingEachField() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", "9", "name", "", "kind", "PROVINCE", "validFrom", "2031-01-01"))
                .when().post("/api/v1/provinces")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("code", "name"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"code\": \"90\", \"kind\": \"DUCHY\"}")
                .when().post("/api/v1/provinces")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("/kind"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"code\": ")
                .when().post("/api/v1/provinces")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void staleIfMatchIsRefusedWith412AndAMissingOneWith428() {
        String etag = create("97", "Tỉnh Bảy Bảy", "2031-01-01");
        Map<String, Object> change = Map.of("effectiveDate", "2032-01-01", "name", "Thành phố Bảy Bảy", "kind", "CITY");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(change)
                .when().post("/api/v1/provinces/97/changes")
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).header("If-Match", "\"stale\"").contentType(ContentType.JSON).body(change)
                .when().post("/api/v1/provinces/97/changes")
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).header("If-Match", etag).contentType(ContentType.JSON).body(change)
                .when().post("/api/v1/provinces/97/changes")
                .then().statusCode(200).body("kind", equalTo("CITY")).body("validFrom", equalTo("2032-01-01"));
        // The old version closed the day before; the ETag it had is stale now.
        given().queryParam("asOf", "2031-12-31").when().get("/api/v1/provinces/97")
                .then().body("name", equalTo("Tỉnh Bảy Bảy")).body("validTo", equalTo("2031-12-31"));
        given().auth().oauth2(TestTokens.admin()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", "2033-01-01", "name", "Lại Đổi"))
                .when().post("/api/v1/provinces/97/changes")
                .then().statusCode(412);
    }

    @Test
    void theEtagOfAPlainReadIsAcceptedByAChangeAfterOneScheduledForLater() {
        create("21", "Tỉnh Hai Mốt", "2020-01-01");
        String today = given().when().get("/api/v1/provinces/21").then().statusCode(200).extract().header("ETag");
        // Someone schedules a rename for a later year: today's version now ends, the open one begins later.
        given().auth().oauth2(TestTokens.admin()).header("If-Match", today).contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", "2031-01-01", "name", "Thành phố Hai Mốt", "kind", "CITY"))
                .when().post("/api/v1/provinces/21/changes")
                .then().statusCode(200);
        // A client holding the old tag is refused, follows the advice (read again), and its write then passes.
        given().auth().oauth2(TestTokens.admin()).header("If-Match", today).contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", "2032-01-01", "name", "Thành phố Hai Mốt Mới"))
                .when().post("/api/v1/provinces/21/changes")
                .then().statusCode(412).contentType("application/problem+json");
        String reread = given().when().get("/api/v1/provinces/21")
                .then().statusCode(200).body("name", equalTo("Tỉnh Hai Mốt")).body("validTo", equalTo("2030-12-31"))
                .extract().header("ETag");
        String written = given().auth().oauth2(TestTokens.admin()).header("If-Match", reread).contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", "2032-01-01", "name", "Thành phố Hai Mốt Mới"))
                .when().post("/api/v1/provinces/21/changes")
                .then().statusCode(200).body("validFrom", equalTo("2032-01-01")).extract().header("ETag");
        // The tag a write returns is the one every read now returns, on any date.
        given().when().get("/api/v1/provinces/21").then().header("ETag", equalTo(written));
        given().queryParam("asOf", "2033-01-01").when().get("/api/v1/provinces/21").then().header("ETag", equalTo(written));
    }

    @Test
    void concurrentCreatesOfOneCodeLeaveOneUnitAndRefuseTheRestWith409() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CyclicBarrier start = new CyclicBarrier(writers);
        String token = TestTokens.admin();
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String validFrom = (2031 + i) + "-01-01";  // each passes the overlap check on its own
                statuses.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(unit("28", "Tỉnh Hai Tám", validFrom))
                            .when().post("/api/v1/provinces")
                            .then().contentType(containsString("json")).extract().statusCode();
                }));
            }
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                seen.add(status.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, seen.stream().filter(status -> status == 201).count(), "one create wins: " + seen);
            assertEquals(writers - 1, seen.stream().filter(status -> status == 409).count(), "the rest are conflicts: " + seen);
        } finally {
            pool.shutdownNow();
        }
        given().when().get("/api/v1/provinces/28/history").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aReadWithTheCurrentEtagIsNotModified() {
        create("98", "Tỉnh Chín Tám", "2031-01-01");
        String etag = given().queryParam("asOf", "2031-06-01").when().get("/api/v1/provinces/98")
                .then().statusCode(200).extract().header("ETag");
        given().queryParam("asOf", "2031-06-01").header("If-None-Match", etag).when().get("/api/v1/provinces/98")
                .then().statusCode(304);
    }

    @Test
    void aMergeClosesThePredecessorsAndOpensTheSuccessorAtomically() {
        create("81", "Tỉnh Tám Mốt", "2031-01-01");
        create("85", "Tỉnh Tám Lăm", "2031-01-01");
        try (EventsProbe events = EventsProbe.open("province.events")) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("kind", "MERGE", "effectiveDate", "2033-07-01", "predecessors", List.of("81", "85"),
                            "successors", List.of(Map.of("code", "81", "name", "Tỉnh Hợp Nhất", "kind", "PROVINCE"))))
                    .when().post("/api/v1/provinces/reorganizations")
                    .then().statusCode(200)
                    .body("predecessors.validTo", org.hamcrest.Matchers.everyItem(equalTo("2033-06-30")))
                    .body("successors[0].name", equalTo("Tỉnh Hợp Nhất"))
                    .body("successors[0].regionDerived", equalTo(true));
            var announced = events.await(e -> "vn.nangsuat.province.reorganized.v1".equals(e.event().path("type").asText()),
                    2, Duration.ofSeconds(10));
            assertThat(announced.stream().map(EventsProbe.Received::key).sorted().toList(), equalTo(List.of("81", "85")));
        }
        given().queryParam("asOf", "2033-07-01").when().get("/api/v1/provinces/85").then().statusCode(404);
        given().queryParam("asOf", "2033-07-01").when().get("/api/v1/provinces/81").then().body("name", equalTo("Tỉnh Hợp Nhất"));
    }

    @Test
    void aSplitOpensEverySuccessorAndTheCrosswalkFollowsIt() {
        create("13", "Tỉnh Mười Ba", "2031-01-01");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "SPLIT", "effectiveDate", "2035-01-01", "predecessors", List.of("13"),
                        "successors", List.of(
                                Map.of("code", "16", "name", "Bắc Mười Ba", "kind", "PROVINCE", "region", "RED_RIVER_DELTA"),
                                Map.of("code", "18", "name", "Nam Mười Ba", "kind", "PROVINCE"))))
                .when().post("/api/v1/provinces/reorganizations")
                .then().statusCode(200)
                .body("successors.code", equalTo(List.of("16", "18")))
                .body("successors.regionDerived", equalTo(List.of(false, true)));
        given().queryParam("from", "2034-12-31").queryParam("to", "2035-01-01").when().get("/api/v1/provinces/crosswalk")
                .then().statusCode(200)
                .body("items.findAll { it.fromCode == '13' }.toCode", equalTo(List.of("16", "18")))
                .body("items.findAll { it.fromCode == '13' }.relation", org.hamcrest.Matchers.everyItem(equalTo("SPLIT")));
    }

    @Test
    void aRefusedReorganisationChangesNothing() {
        create("88", "Tỉnh Tám Tám", "2031-01-01");
        create("71", "Tỉnh Bảy Mốt", "2031-01-01");
        // 71 is taken, so the split must fail as a whole: 88 stays in force, no 73 appears.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "SPLIT", "effectiveDate", "2034-01-01", "predecessors", List.of("88"),
                        "successors", List.of(Map.of("code", "73", "name", "Mới A", "kind", "PROVINCE"),
                                Map.of("code", "71", "name", "Mới B", "kind", "PROVINCE"))))
                .when().post("/api/v1/provinces/reorganizations")
                .then().statusCode(409).contentType("application/problem+json");
        given().queryParam("asOf", "2034-01-01").when().get("/api/v1/provinces/88").then().statusCode(200)
                .body("validTo", equalTo(null));
        given().queryParam("asOf", "2034-01-01").when().get("/api/v1/provinces/73").then().statusCode(404);
    }
}
