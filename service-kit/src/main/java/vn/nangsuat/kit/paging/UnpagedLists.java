package vn.nangsuat.kit.paging;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;

/**
 * A read that is not paged refuses `page` and `size` instead of ignoring them: a client that asks for page 2 of a
 * plan's targets would otherwise take the whole list for one page, and `size=0` answered 200. The paged lists take
 * {@link PageParams}; the change feed takes `size` and a cursor, so it refuses only `page`.
 */
public class UnpagedLists {

    private static final List<String> PAGING = List.of("page", "size");

    private final Map<Method, Set<String>> taken = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refusePagingOfAnUnpagedRead(ContainerRequestContext request, ResourceInfo resource) {
        if (!HttpMethod.GET.equals(request.getMethod()) || resource == null || resource.getResourceMethod() == null) {
            return;
        }
        Set<String> asked = namesIn(request.getUriInfo().getRequestUri().getRawQuery());
        if (asked.stream().noneMatch(PAGING::contains)) {
            return;
        }
        Set<String> parameters = taken.computeIfAbsent(resource.getResourceMethod(), UnpagedLists::queryParameters);
        for (String name : PAGING) {
            if (asked.contains(name) && !parameters.contains(name)) {
                throw ProblemException.invalid(name, parameters.contains("cursor")
                        ? new Text("is not taken here: this feed pages by cursor (send an answer's next as cursor)",
                                "không dùng ở đây: nguồn thay đổi này phân trang bằng cursor (gửi next của câu trả lời làm cursor)")
                        : new Text("is not taken here: this read is not paged, it answers every item at once",
                                "không dùng ở đây: danh sách này không phân trang, nó trả về mọi mục một lần"));
            }
        }
    }

    /** The parameter names of a raw query, undecoded: a malformed escape is for the parameters' reading to refuse. */
    private static Set<String> namesIn(String rawQuery) {
        Set<String> names = new HashSet<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                names.add(equals < 0 ? pair : pair.substring(0, equals));
            }
        }
        return names;
    }

    /** The query parameters a resource method takes, its bean parameters' included. */
    private static Set<String> queryParameters(Method method) {
        Set<String> names = new HashSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                } else if (annotation instanceof BeanParam) {
                    for (Class<?> type = method.getParameterTypes()[i]; type != null; type = type.getSuperclass()) {
                        for (Field field : type.getDeclaredFields()) {
                            QueryParam query = field.getAnnotation(QueryParam.class);
                            if (query != null) {
                                names.add(query.value());
                            }
                        }
                    }
                }
            }
        }
        return names;
    }
}
