package vn.nangsuat.kit.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.nangsuat.http.ProblemLanguage;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.TitledProblem;

/**
 * A problem in the language the request asks for (`Accept-Language: vi`): the catalogue's Vietnamese title, with
 * `Content-Language` saying which was given. Field names, `type` and `status` never change.
 */
public class ProblemTranslation {

    @ServerResponseFilter
    public void inTheLanguageAsked(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof TitledProblem problem)) {
            return;
        }
        Locale language = ProblemLanguage.of(request.getHeaderString("Accept-Language"));
        response.getHeaders().putSingle("Content-Language", language.getLanguage());
        response.getHeaders().add("Vary", "Accept-Language");
        if (ProblemType.isVietnamese(language)) {
            ProblemType.ofUri(problem.type()).ifPresent(type -> response.setEntity(problem.withTitle(type.title(language)),
                    response.getEntityAnnotations(), response.getMediaType()));
        }
    }
}
