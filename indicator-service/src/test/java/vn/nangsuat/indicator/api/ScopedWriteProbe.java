package vn.nangsuat.indicator.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.nangsuat.kit.security.ProvinceScope;

/** A write guarded by the province scope, as the writes of observations and plans will be; exists only in tests. */
@Path("/test/scoped-write/{code}")
public class ScopedWriteProbe {

    private final ProvinceScope scope;

    public ScopedWriteProbe(ProvinceScope scope) {
        this.scope = scope;
    }

    @POST
    @Authenticated
    @Operation(hidden = true)
    public void write(@PathParam("code") String code) {
        scope.requireWrite(code);
    }
}
