package vn.nangsuat.indicator.api;

import io.quarkus.test.junit.QuarkusTest;
import vn.nangsuat.kit.testing.OperationsContract;

@QuarkusTest
class OperationsTest extends OperationsContract {

    @Override
    protected String samplePath() {
        return "/api/v1/indicators/GRDP";
    }

    @Override
    protected String samplePathTemplate() {
        return "/api/v1/indicators/{code}";
    }
}
