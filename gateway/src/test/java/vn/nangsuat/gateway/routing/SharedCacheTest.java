package vn.nangsuat.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** How long a shared cache may keep an answer, by its headers (RFC 9111). */
class SharedCacheTest {

    private static long freshFor(String cacheControl, String vary, boolean withToken) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (cacheControl != null) {
            headers.add("Cache-Control", cacheControl);
        }
        if (vary != null) {
            headers.add("Vary", vary);
        }
        return SharedCache.freshFor(headers, withToken);
    }

    @Test
    void sMaxageIsForSharedCachesTokenOrNot() {
        assertEquals(5, freshFor("s-maxage=5", null, false));
        assertEquals(5, freshFor("max-age=1, s-maxage=5", null, true));
    }

    @Test
    void maxAgeAloneServesAnAnswerToACallerWithATokenOnlyWhenPublic() {
        assertEquals(60, freshFor("max-age=60", null, false));
        assertEquals(0, freshFor("max-age=60", null, true));
        assertEquals(60, freshFor("public, max-age=60", null, true));
    }

    @Test
    void privateNoStoreNoCacheNothingOrAVaryOnMoreThanAcceptKeepItOut() {
        assertEquals(0, freshFor("private, max-age=60", null, false));
        assertEquals(0, freshFor("no-store", null, false));
        assertEquals(0, freshFor("no-cache, s-maxage=60", null, false));
        assertEquals(0, freshFor(null, null, false));
        assertEquals(0, freshFor("s-maxage=60", "Accept-Language", false));
        assertEquals(60, freshFor("s-maxage=60", "Accept", false));
    }
}
