package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.TestTokens;

/**
 * The province scope read from real signed tokens, as every write of a province's data will check it: an admin
 * writes any unit, a province-editor only the units its `provinces` claim lists.
 */
@QuarkusTest
class ProvinceScopeHttpTest {

    @Test
    void anAdminWritesAnyUnit() {
        given().auth().oauth2(TestTokens.admin()).when().post("/test/scoped-write/19").then().statusCode(204);
    }

    @Test
    void anEditorWritesTheUnitsOfItsClaim() {
        given().auth().oauth2(TestTokens.editor("38", "19")).when().post("/test/scoped-write/19").then().statusCode(204);
    }

    @Test
    void anEditorOfAnotherProvinceIsRefusedWithAProblemNamingTheCode() {
        given().auth().oauth2(TestTokens.editor("38")).when().post("/test/scoped-write/19")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("19"))
                .body("errors[0].field", equalTo("provinces"));
    }

    @Test
    void anEditorWithoutProvincesAndOtherRolesAreRefused() {
        given().auth().oauth2(TestTokens.editor()).when().post("/test/scoped-write/19").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("viewer", "19")).when().post("/test/scoped-write/19").then().statusCode(403);
    }

    @Test
    void anAnonymousWriteIsUnauthorised() {
        given().when().post("/test/scoped-write/19").then().statusCode(401);
    }
}
