package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.nangsuat.http.ProblemType;

/**
 * A person who follows a problem's type finds its page, and one who reads Vietnamese reads the problem in
 * Vietnamese: the page of each type at its URI's path, the catalogue at /problems, titles by Accept-Language.
 */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
class ProblemPagesTest {

    @Test
    void everyTypeHasAPageAtItsUrisPathAndTheCatalogueListsThemAll() {
        for (ProblemType type : ProblemType.values()) {
            given().when().get(type.uri().replace("https://nangsuat.vn", ""))
                    .then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("<h1>" + type.title(Locale.ENGLISH).replace("&", "&amp;") + "</h1>"))
                    .body(containsString(type.uri()));
        }
        String catalogue = given().when().get("/problems").then().statusCode(200).extract().asString();
        for (ProblemType type : ProblemType.values()) {
            assertTrue(catalogue.contains("/problems/" + type.slug() + "\""), type.slug());
        }
    }

    @Test
    void thePageIsInVietnameseForAReaderWhoAsks() {
        given().header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5").when().get("/problems/precondition-failed")
                .then().statusCode(200).header("Content-Language", "vi")
                .body(containsString("<h1>Điều kiện tiên quyết không thỏa</h1>"))
                .body(containsString("Đối tượng đã thay đổi kể từ lần đọc"));
        given().when().get("/problems/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("instance", equalTo("/problems/no-such-thing"));
    }

    @Test
    void theGatewaysOwnProblemsAreInVietnameseOnAskingWithTheSameTypeAndFields() {
        given().header("Accept-Language", "vi").contentType("application/json").body("{}")
                .when().post("/api/v1/provinces")
                .then().statusCode(401).header("Content-Language", "vi")
                .body("type", equalTo("https://nangsuat.vn/problems/unauthorized"))
                .body("title", equalTo("Chưa xác thực")).body("status", equalTo(401))
                .body("detail", equalTo("Thao tác ghi cần một bearer token (JWT RS256) trong header Authorization"));
        given().contentType("application/json").body("{}").when().post("/api/v1/provinces")
                .then().statusCode(401).header("Content-Language", "en").body("title", equalTo("Unauthorized"));
    }
}
