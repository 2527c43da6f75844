package vn.nangsuat.province.api;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import vn.nangsuat.kit.testing.OperationsContract;

@QuarkusTest
class OperationsTest extends OperationsContract {

    @Override
    protected String samplePath() {
        return "/api/v1/provinces/38";
    }

    @Override
    protected String samplePathTemplate() {
        return "/api/v1/provinces/{code}";
    }

    /**
     * validTo of the versions in force. (A crosswalk row no unit of `to` covers needs a date before the data begins,
     * which is refused since the units are modelled from 2008-08-01.)
     */
    @Override
    protected List<String> answersWithNulls() {
        return List.of("/api/v1/provinces/38", "/api/v1/provinces?asOf=2025-06-30&size=100", "/api/v1/provinces/46/history",
                "/api/v1/provinces/19/lineage");
    }
}
