package vn.nangsuat.kit.openapi;

import io.smallrye.openapi.api.OperationIdGenerator;
import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.Set;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * The operationId of every operation that declares none, from its resource and method:
 * {@code ProvinceResource.list} is {@code provinceList}, {@code NationalGoalResource.get} is {@code nationalGoalGet}.
 * Stable as long as the Java names are, so clients generated from the contract keep their method names.
 * SmallRye OpenAPI calls it for each operation without {@code @Operation(operationId = ...)}; service-kit's
 * shared configuration names it ({@code quarkus.smallrye-openapi.operation-id-strategy}).
 */
public class OperationIds implements OperationIdGenerator {

    private static final String RESOURCE = "Resource";
    private static final DotName OPERATION =
            DotName.createSimple("org.eclipse.microprofile.openapi.annotations.Operation");

    @Override
    public String generateOperationId(ClassInfo resource, MethodInfo method) {
        return of(resource.simpleName(), method.name());
    }

    public static String of(String resourceSimpleName, String methodName) {
        String subject = resourceSimpleName.endsWith(RESOURCE) && resourceSimpleName.length() > RESOURCE.length()
                ? resourceSimpleName.substring(0, resourceSimpleName.length() - RESOURCE.length())
                : resourceSimpleName;
        return Character.toLowerCase(subject.charAt(0)) + subject.substring(1)
                + Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1);
    }

    /** The operationId of a resource method as the document has it: the declared one, or this strategy's. */
    public static String idOf(MethodInfo method) {
        AnnotationInstance operation = method.declaredAnnotation(OPERATION);
        AnnotationValue declared = operation == null ? null : operation.value("operationId");
        return declared != null && !declared.asString().isBlank()
                ? declared.asString() : of(method.declaringClass().simpleName(), method.name());
    }

    /** The operationIds of the resource methods that carry this annotation, for a filter that documents what it does. */
    public static Set<String> ofMethodsAnnotated(IndexView index, Class<? extends Annotation> annotation) {
        Set<String> ids = new HashSet<>();
        for (AnnotationInstance instance : index.getAnnotations(DotName.createSimple(annotation.getName()))) {
            if (instance.target().kind() == AnnotationTarget.Kind.METHOD) {
                ids.add(idOf(instance.target().asMethod()));
            }
        }
        return Set.copyOf(ids);
    }
}
