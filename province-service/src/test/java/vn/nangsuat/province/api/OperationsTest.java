package vn.nangsuat.province.api;

import io.quarkus.test.junit.QuarkusTest;
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
}
