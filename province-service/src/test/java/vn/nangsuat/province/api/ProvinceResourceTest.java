package vn.nangsuat.province.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.nangsuat.http.testing.RawHttp;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProvinceResourceTest {

    @Test
    void aUnitIsServedByItsCode() {
        given().queryParam("asOf", "2026-01-01")
                .when().get("/api/v1/provinces/38")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("code", equalTo("38"))
                .body("name", equalTo("Thanh Hóa"))
                .body("kind", equalTo("PROVINCE"))
                .body("region", equalTo("NORTH_CENTRAL_CENTRAL_COAST"))
                .body("regionDerived", equalTo(false))
                .body("validFrom", equalTo("2004-01-01"))
                .body("validTo", nullValue());
    }

    /** Every JSON read carries an ETag, reads that do not tag themselves too; If-None-Match with it gives a 304. */
    @Test
    void everyReadHasAnEtagThatGivesA304() {
        for (String read : List.of("/api/v1/provinces/19/history", "/api/v1/provinces/19/lineage?asOf=2025-07-01",
                "/api/v1/provinces/crosswalk?from=2025-06-30&to=2025-07-01")) {
            String etag = given().when().get(read).then().statusCode(200).extract().header("ETag");
            org.junit.jupiter.api.Assertions.assertNotNull(etag, read);
            given().header("If-None-Match", etag).when().get(read).then().statusCode(304).body(equalTo(""));
            given().header("If-None-Match", "\"something-else\"").when().get(read).then().statusCode(200)
                    .header("ETag", etag);
        }
        String crosswalk = given().when().get("/api/v1/provinces/crosswalk?from=2025-06-30&to=2025-07-01").then()
                .extract().header("ETag");
        String other = given().when().get("/api/v1/provinces/crosswalk?from=2020-06-30&to=2025-07-01").then()
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(crosswalk, other, "another answer, another tag");
    }

    @Test
    void unitReadsMayBeReusedByASharedCacheForASecond() {
        given().when().get("/api/v1/provinces/38").then().statusCode(200).header("Cache-Control", "s-maxage=1");
        given().queryParam("asOf", "2025-06-30").when().get("/api/v1/provinces")
                .then().statusCode(200).header("Cache-Control", "s-maxage=1");
    }

    @Test
    void theSameQueryGivesSixtyThreeUnitsBeforeTheReorganisationAndThirtyFourAfter() {
        given().queryParam("asOf", "2025-06-30").queryParam("size", 500)
                .when().get("/api/v1/provinces")
                .then().statusCode(200)
                .body("totalItems", equalTo(63))
                .body("items", hasSize(63))
                .body("items.code", hasItem("06"));
        given().queryParam("asOf", "2025-07-01").queryParam("size", 500)
                .when().get("/api/v1/provinces")
                .then().statusCode(200)
                .body("totalItems", equalTo(34))
                .body("items.code", not(hasItem("06")));
    }

    @Test
    void unitOfOneDateIsNotServedOnAnother() {
        given().queryParam("asOf", "2025-07-01")
                .when().get("/api/v1/provinces/06")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("asOf", "2025-06-30")
                .when().get("/api/v1/provinces/06")
                .then().statusCode(200).body("name", equalTo("Bắc Kạn"));
    }

    @Test
    void aCodeThatSurvivesAMergerNamesTheMergedUnitAfterIt() {
        given().queryParam("asOf", "2025-06-30").when().get("/api/v1/provinces/19")
                .then().statusCode(200).body("validTo", equalTo("2025-06-30")).body("regionDerived", equalTo(false));
        given().queryParam("asOf", "2025-07-01").when().get("/api/v1/provinces/19")
                .then().statusCode(200).body("name", equalTo("Thái Nguyên"))
                .body("validFrom", equalTo("2025-07-01")).body("regionDerived", equalTo(true));
    }

    @Test
    void hueIsACityFromTheFirstOfJanuary2025() {
        given().queryParam("asOf", "2024-12-31").when().get("/api/v1/provinces/46")
                .then().body("name", equalTo("Thừa Thiên Huế")).body("kind", equalTo("PROVINCE"));
        given().queryParam("asOf", "2025-01-01").when().get("/api/v1/provinces/46")
                .then().body("name", equalTo("Huế")).body("kind", equalTo("CITY"));
    }

    @Test
    void listsFilterByRegionAndKind() {
        given().queryParam("asOf", "2025-06-30").queryParam("region", "mekong_delta").queryParam("size", 500)
                .when().get("/api/v1/provinces")
                .then().statusCode(200).body("totalItems", equalTo(13))
                .body("items.region", everyItem(equalTo("MEKONG_DELTA")));
        given().queryParam("asOf", "2025-07-01").queryParam("kind", "CITY")
                .when().get("/api/v1/provinces")
                .then().statusCode(200).body("totalItems", equalTo(6))
                .body("items.code", hasItem("46"));
    }

    @Test
    void searchIgnoresMarksAndCaseAndKnowsOtherNames() {
        given().queryParam("asOf", "2026-01-01").queryParam("q", "da nang").when().get("/api/v1/provinces")
                .then().statusCode(200).body("items.code", equalTo(List.of("48")));
        given().queryParam("asOf", "2026-01-01").queryParam("q", "ĐÀ NẴNG").when().get("/api/v1/provinces")
                .then().body("items.code", equalTo(List.of("48")));
        given().queryParam("asOf", "2026-01-01").queryParam("q", "TP. HCM").when().get("/api/v1/provinces")
                .then().body("items.code", equalTo(List.of("79")));
        given().queryParam("asOf", "2026-01-01").queryParam("q", "sai gon").when().get("/api/v1/provinces")
                .then().body("items.code", equalTo(List.of("79")));
        given().queryParam("asOf", "2024-06-01").queryParam("q", "hue").when().get("/api/v1/provinces")
                .then().body("items.name", equalTo(List.of("Thừa Thiên Huế")));
        given().queryParam("q", "%").when().get("/api/v1/provinces")
                .then().statusCode(200);
        given().queryParam("q", "x".repeat(101)).when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].field", equalTo("q"));
    }

    @Test
    void aSearchForAFormerNameFindsTheFormerUnitAndWhatItBecame() {
        given().queryParam("asOf", "2026-01-01").queryParam("q", "bac kan").when().get("/api/v1/provinces")
                .then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].code", equalTo("06")).body("items[0].name", equalTo("Bắc Kạn"))
                .body("items[0].former", equalTo(true)).body("items[0].validTo", equalTo("2025-06-30"))
                .body("items[0].successors.code", equalTo(List.of("19")))
                .body("items[0].successors.name", equalTo(List.of("Thái Nguyên")));
        given().queryParam("asOf", "2026-01-01").queryParam("q", "ba ria").when().get("/api/v1/provinces")
                .then().statusCode(200).body("items[0].former", equalTo(true))
                .body("items[0].name", containsString("Bà Rịa")).body("items[0].successors.code", equalTo(List.of("79")));
    }

    @Test
    void formerUnitsFollowThoseInForceWhenAskedFor() {
        given().queryParam("asOf", "2026-01-01").queryParam("q", "hue").when().get("/api/v1/provinces")
                .then().statusCode(200).body("items.name", equalTo(List.of("Huế"))).body("items[0].former", equalTo(false))
                .body("items[0].successors", hasSize(0));
        given().queryParam("asOf", "2026-01-01").queryParam("q", "hue").queryParam("includeFormer", "true")
                .when().get("/api/v1/provinces")
                .then().statusCode(200).body("items.name", equalTo(List.of("Huế", "Thừa Thiên Huế")))
                .body("items.former", equalTo(List.of(false, true)))
                .body("items[1].successors.name", equalTo(List.of("Huế")));
        given().queryParam("includeFormer", "maybe").when().get("/api/v1/provinces")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("includeFormer"));
    }

    @Test
    void listsSortByNameIgnoringMarks() {
        List<String> names = given().queryParam("asOf", "2025-07-01").queryParam("sort", "name").queryParam("size", 500)
                .when().get("/api/v1/provinces").then().statusCode(200).extract().jsonPath().getList("items.name");
        assertEquals("An Giang", names.get(0));
        assertEquals("Vĩnh Long", names.get(names.size() - 1));
        given().queryParam("sort", "-code").queryParam("asOf", "2025-07-01").when().get("/api/v1/provinces")
                .then().body("items[0].code", equalTo("96"));
        given().queryParam("sort", "population").when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void theHistoryOfACodeListsItsVersions() {
        given().when().get("/api/v1/provinces/46/history")
                .then().statusCode(200)
                .body("name", equalTo(List.of("Thừa Thiên Huế", "Huế")))
                .body("validTo[0]", equalTo("2024-12-31"));
        given().when().get("/api/v1/provinces/07/history").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theLineageOfAMergedUnitNamesItsPredecessors() {
        given().queryParam("asOf", "2025-07-01").when().get("/api/v1/provinces/19/lineage")
                .then().statusCode(200)
                .body("unit.validFrom", equalTo("2025-07-01"))
                .body("predecessors.predecessor.code", hasItem("06"))
                .body("predecessors.kind", everyItem(equalTo("MERGE")))
                .body("successors", hasSize(0));
        given().queryParam("asOf", "2025-06-30").when().get("/api/v1/provinces/06/lineage")
                .then().statusCode(200).body("successors[0].successor.code", equalTo("19"))
                .body("successors[0].effectiveDate", equalTo("2025-07-01"));
    }

    @Test
    void theCountryIsAUnitOfItsOwnNeverOneOfTheProvinces() {
        given().when().get("/api/v1/provinces/VN").then().statusCode(200)
                .body("kind", equalTo("COUNTRY")).body("name", equalTo("Việt Nam")).body("region", nullValue());
        given().queryParam("asOf", "2025-07-01").queryParam("size", 100).when().get("/api/v1/provinces")
                .then().statusCode(200).body("items.code", not(hasItem("VN")));
        given().queryParam("kind", "COUNTRY").when().get("/api/v1/provinces")
                .then().statusCode(200).body("items.code", equalTo(java.util.List.of("VN")));
        given().when().get("/api/v1/provinces/V1").then().statusCode(400).body("errors[0].message",
                containsString("or VN for the whole country"));
    }

    @Test
    void aDateBeforeTheUnitsAreFullyModelledIsRefusedNeverAnsweredWithAnIncompleteList() {
        // Hà Nội took its present territory on 2008-08-01 (Hà Tây whole, parts of Vĩnh Phúc and Hòa Bình); the units
        // before are not recorded, so 2006 would list 62 units with no Hà Nội and no Hà Tây.
        given().queryParam("asOf", "2006-01-01").when().get("/api/v1/provinces")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"))
                .body("errors[0].message", containsString("2008-08-01"));
        given().queryParam("asOf", "2008-07-31").when().get("/api/v1/provinces/02")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().queryParam("from", "2007-12-31").when().get("/api/v1/provinces/crosswalk")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("asOf", "2008-08-01").queryParam("size", 100).when().get("/api/v1/provinces")
                .then().statusCode(200).body("items.code", hasItem("01")).body("items", hasSize(63));
    }

    @Test
    void theCrosswalkMapsOldCodesToNewOnesInJsonAndCsv() {
        given().queryParam("from", "2025-06-30").queryParam("to", "2025-07-01")
                .when().get("/api/v1/provinces/crosswalk")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("items", hasSize(63))
                .body("items.find { it.fromCode == '06' }.toCode", equalTo("19"))
                .body("items.find { it.fromCode == '06' }.relation", equalTo("MERGED"))
                .body("items.find { it.fromCode == '38' }.relation", equalTo("SAME"));
        String csv = given().accept("text/csv").queryParam("from", "2025-06-30").queryParam("to", "2025-07-01")
                .when().get("/api/v1/provinces/crosswalk")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"provinces-crosswalk.csv\"").extract().asString();
        assertThat(csv, startsWith("\uFEFFfromCode,fromName,toCode,toName,relation\n"));
        assertThat(csv, containsString("\n06,\"Bắc Kạn\",19,\"Thái Nguyên\",MERGED\n"));
        assertEquals(64, csv.split("\n").length);
        given().queryParam("format", "csv").queryParam("from", "2025-06-30").when().get("/api/v1/provinces/crosswalk")
                .then().statusCode(200).contentType(containsString("text/csv"));
        given().when().get("/api/v1/provinces/crosswalk")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    /** A reader in a provincial office reads the problem in Vietnamese; a program reads the same type and fields. */
    @Test
    void aProblemIsInVietnameseForARequestThatAsksAndOtherwiseInEnglish() {
        given().header("Accept-Language", "vi-VN,vi;q=0.9").when().get("/api/v1/provinces/99")
                .then().statusCode(404).header("Content-Language", "vi")
                .body("type", equalTo("https://nangsuat.vn/problems/not-found")).body("title", equalTo("Không tìm thấy"))
                .body("status", equalTo(404)).body("instance", equalTo("/api/v1/provinces/99"))
                .body("detail", startsWith("Không có đơn vị nào mang mã 99 vào ngày "));
        given().header("Accept-Language", "vi").queryParam("size", "0").when().get("/api/v1/provinces")
                .then().statusCode(400).body("title", equalTo("Dữ liệu không hợp lệ")).body("errors[0].field", equalTo("size"))
                .body("errors[0].message", equalTo("phải lớn hơn hoặc bằng 1"))
                .body("detail", equalTo("size: phải lớn hơn hoặc bằng 1"));
        given().header("Accept-Language", "vi").when().get("/api/v1/provinces/1x")
                .then().statusCode(400).body("errors[0].field", equalTo("code"))
                .body("errors[0].message", equalTo("phải là mã đơn vị gồm hai chữ số, ví dụ 19, hoặc VN cho cả nước"));
        given().header("Accept-Language", "vi").queryParam("sort", "population").when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"))
                .body("errors[0].message", equalTo("phải là code, name, -code hoặc -name"));
        given().header("Accept-Language", "vi").queryParam("asOf", "2000-01-01").when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"))
                .body("errors[0].message", startsWith("phải từ ngày 2008-08-01 trở đi"));
        given().when().get("/api/v1/provinces/99").then().statusCode(404).header("Content-Language", "en")
                .body("title", equalTo("Not Found"));
        given().when().get("/api/v1/provinces/1x").then().statusCode(400)
                .body("errors[0].message", equalTo("must be a two-digit unit code such as 19, or VN for the whole country"));
        given().queryParam("sort", "population").when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].message", equalTo("must be code, name, -code or -name"));
        given().queryParam("size", "0").when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].message", equalTo("must be greater than or equal to 1"));
    }

    /** A list that is not paged says so rather than answering everything as if it were the page asked for. */
    @Test
    void aReadThatIsNotPagedRefusesPageAndSize() {
        given().queryParam("page", "1").when().get("/api/v1/provinces/19/history")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page")).body("errors[0].message", containsString("not paged"));
        given().queryParam("size", "0").when().get("/api/v1/provinces/19/lineage")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("size", "0").when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("page", "1").queryParam("size", "5").when().get("/api/v1/provinces")
                .then().statusCode(200).body("page", equalTo(1));
    }

    @Test
    void pagesCarryTotalsAndLinkHeaders() {
        List<String> links = given().queryParam("asOf", "2025-06-30").queryParam("size", 10).queryParam("page", 1)
                .when().get("/api/v1/provinces")
                .then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(10)).body("totalItems", equalTo(63))
                .body("items", hasSize(10))
                .extract().headers().getValues("Link");
        assertThat(links, hasItem(allOf(containsString("page=2&size=10"), containsString("rel=\"next\""))));
        assertThat(links, hasItem(allOf(containsString("page=0&size=10"), containsString("rel=\"prev\""))));
        assertThat(links, hasItem(allOf(containsString("page=6&size=10"), containsString("rel=\"last\""))));
        assertThat(links, hasItem(containsString("asOf=2025-06-30")));
    }

    @Test
    void anUnknownCodeIsA404Problem() {
        given().when().get("/api/v1/provinces/99")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://nangsuat.vn/problems/not-found"))
                .body("detail", containsString("99"))
                .body("instance", equalTo("/api/v1/provinces/99"))
                .body("requestId", notNullValue());
    }

    @Test
    void malformedInputIsA400ProblemNamingTheField() {
        given().when().get("/api/v1/provinces/abc")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("code"));
        given().queryParam("asOf", "2025-02-30").when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().queryParam("page", "x").when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().queryParam("size", 501).when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("region", "ATLANTIS").when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].field", equalTo("region"))
                .body("errors[0].message", containsString("MEKONG_DELTA"));
    }

    @Test
    void aValueThatIsNotOfTheParametersTypeIsA400EchoingItNotA404() {
        given().queryParam("asOf", "yesterday").when().get("/api/v1/provinces/38")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"))
                .body("errors[0].message", equalTo("must be a date such as 2025-07-01, not 'yesterday'"));
        given().queryParam("from", "2025-06-30").queryParam("to", "July").when().get("/api/v1/provinces/crosswalk")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().queryParam("from", "2025-06-30").queryParam("format", "xml").when().get("/api/v1/provinces/crosswalk")
                .then().statusCode(400).body("errors[0].field", equalTo("format"))
                .body("errors[0].message", containsString("JSON, CSV"));
        given().queryParam("size", "x".repeat(500)).when().get("/api/v1/provinces")
                .then().statusCode(400).body("errors[0].field", equalTo("size"))
                .body("errors[0].message", containsString("x".repeat(40) + "..."))
                .body("errors[0].message", not(containsString("x".repeat(41))));
        given().when().get("/api/v1/provinces/4/lineage")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void enumsAndBooleansTakeAnyCaseAndABlankValueCountsAsAbsent() {
        given().queryParam("asOf", "2025-07-01").queryParam("kind", "city").queryParam("includeFormer", "FALSE")
                .queryParam("region", "").queryParam("page", "")
                .when().get("/api/v1/provinces")
                .then().statusCode(200).body("items.kind", everyItem(equalTo("CITY"))).body("page", equalTo(0))
                .body("size", equalTo(50));
        given().queryParam("format", "Csv").queryParam("from", "2025-06-30").when().get("/api/v1/provinces/crosswalk")
                .then().statusCode(200).contentType(containsString("text/csv"));
    }

    @Test
    void aBrokenEscapeInThePathIsA400ProblemNotA500() {
        RawHttp.Response brokenPath = RawHttp.get(RestAssured.port, "/api/v1/provinces/%ZZ");
        assertEquals(400, brokenPath.status());
        assertThat(brokenPath.contentType(), equalTo("application/problem+json"));
        assertThat(brokenPath.body(), containsString("\"field\":\"url\""));
        RawHttp.Response brokenQuery = RawHttp.get(RestAssured.port, "/api/v1/provinces?asOf=%E0%A4%");
        assertEquals(400, brokenQuery.status());
        assertThat(brokenQuery.contentType(), equalTo("application/problem+json"));
    }

    /** curl sends UTF-8 in the target as raw bytes: the search works, and the page links carry the term encoded. */
    @Test
    void aRawUtf8SearchFindsTheUnitAndItsLinksCarryTheTermEncoded() {
        RawHttp.Response response = RawHttp.get(RestAssured.port, "/api/v1/provinces?asOf=2025-07-01&q=Đắk%20Lắk");
        assertEquals(200, response.status(), response.body());
        assertThat(response.body(), containsString("\"name\":\"Đắk Lắk\""));
        assertThat(response.links(), hasItem(allOf(containsString("q=%C4%90%E1%BA%AFk%20L%E1%BA%AFk"),
                containsString("rel=\"first\""))));
    }

    /** Whatever a target holds, the answer is what it names or a 400 problem: never a 500. */
    @Test
    void oddTargetsAreAnsweredOrRefusedWith400NeverA500() {
        record Case(String target, int status) {
        }
        List<Case> cases = List.of(
                new Case("/api/v1/provinces?q=<script>alert(1)</script>", 200),
                new Case("/api/v1/provinces?q={x}|^`\"[]\\", 200),
                new Case("/api/v1/provinces?q=%00", 200),
                new Case("/api/v1/provinces/38;x=1", 200),
                new Case("/api/v1/provinces/%2F..", 400),
                new Case("/api/v1/provinces/..%2F..%2Fq%2Fhealth", 400),
                new Case("/api/v1/provinces/38#x", 400),
                new Case("/api/v1/provinces/Đà", 400),
                new Case("/api/v1/provinces?q=%C3%28", 400));
        for (Case c : cases) {
            RawHttp.Response response = RawHttp.get(RestAssured.port, c.target());
            assertEquals(c.status(), response.status(), c.target() + ": " + response.body());
            if (c.status() == 400) {
                assertEquals("application/problem+json", response.contentType(), c.target());
            }
        }
        RawHttp.Response script = RawHttp.get(RestAssured.port, "/api/v1/provinces?q=<script>");
        assertThat(script.links(), hasItem(containsString("q=%3Cscript%3E")));
    }

    @Test
    void aTargetThatIsNotUtf8IsA400Problem() {
        RawHttp.Response response = RawHttp.get(RestAssured.port,
                "/api/v1/provinces?q=Bà".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.contentType());
        assertThat(response.body(), containsString("percent-encode"));
    }

    @Test
    void anUnknownPathOrMethodIsAProblemToo() {
        given().when().get("/api/v1/nowhere")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/api/v1/provinces/38")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void theCallersRequestIdIsEchoedAndAHostileOneReplaced() {
        given().header("X-Request-Id", "client-42").when().get("/api/v1/provinces/99")
                .then().header("X-Request-Id", "client-42").body("requestId", equalTo("client-42"));
        given().header("X-Request-Id", "<script>alert(1)</script>").when().get("/api/v1/provinces/38")
                .then().statusCode(200).header("X-Request-Id", not(containsString("<")));
    }
}
