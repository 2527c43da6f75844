package vn.nangsuat.kit.openapi;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Says in the document what the resource annotations say about tokens. An operation without {@code @RolesAllowed},
 * {@code @Authenticated}, {@code @PermissionsAllowed} or {@code @DenyAll} (on the method, or on its class and not
 * lifted by {@code @PermitAll}) is public and declares {@code security: []}, so a reader (and a linter) knows it
 * was left open on purpose rather than forgotten. A protected one keeps the requirement Quarkus derives from the
 * same annotations, or gets the document's security scheme when it has none.
 * <p>
 * Operations are matched to their Java methods by operationId, the declared one or {@link OperationIds}'.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OperationSecurity implements OASFilter {

    private static final List<DotName> HTTP_METHODS = names("jakarta.ws.rs.GET", "jakarta.ws.rs.POST",
            "jakarta.ws.rs.PUT", "jakarta.ws.rs.DELETE", "jakarta.ws.rs.PATCH", "jakarta.ws.rs.HEAD", "jakarta.ws.rs.OPTIONS");
    private static final List<DotName> PROTECTING = names("jakarta.annotation.security.RolesAllowed",
            "io.quarkus.security.Authenticated", "io.quarkus.security.PermissionsAllowed",
            "jakarta.annotation.security.DenyAll");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");

    /** operationId to whether a token is needed, for every resource method of the application. */
    private final Map<String, Boolean> protectedById = new HashMap<>();

    public OperationSecurity(IndexView index) {
        for (DotName httpMethod : HTTP_METHODS) {
            for (AnnotationInstance annotation : index.getAnnotations(httpMethod)) {
                if (annotation.target().kind() == AnnotationTarget.Kind.METHOD) {
                    MethodInfo method = annotation.target().asMethod();
                    protectedById.put(OperationIds.idOf(method), isProtected(method));
                }
            }
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String scheme = openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null
                ? null : openAPI.getComponents().getSecuritySchemes().keySet().stream().findFirst().orElse(null);
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(operation -> declare(operation, scheme)));
    }

    private void declare(Operation operation, String scheme) {
        boolean required = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean needsToken = protectedById.getOrDefault(operation.getOperationId(), required);
        if (!needsToken) {
            operation.setSecurity(List.of());
        } else if (!required && scheme != null) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(scheme));
        }
    }

    private static boolean isProtected(MethodInfo method) {
        if (PROTECTING.stream().anyMatch(method::hasDeclaredAnnotation)) {
            return true;
        }
        ClassInfo resource = method.declaringClass();
        return !method.hasDeclaredAnnotation(PERMIT_ALL)
                && PROTECTING.stream().anyMatch(name -> resource.declaredAnnotation(name) != null);
    }

    private static List<DotName> names(String... names) {
        return Arrays.stream(names).map(DotName::createSimple).toList();
    }
}
