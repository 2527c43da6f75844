package vn.nangsuat.gateway.openapi;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import vn.nangsuat.gateway.routing.GatewayProblems;
import vn.nangsuat.http.ProblemLanguage;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;

/**
 * The page of each problem type at its URI's path ({@code https://nangsuat.vn/problems/not-found} is served as
 * {@code /problems/not-found}), and the catalogue at {@code /problems}: what the type means, when it is sent, what
 * `errors[].field` holds. HTML for a person who follows a `type`, in Vietnamese when `Accept-Language` prefers it;
 * from {@link ProblemType}, the catalogue every answer's type comes from.
 */
@ApplicationScoped
public class ProblemPages {

    public static final String PATH = "/problems";

    private final GatewayProblems problems;

    public ProblemPages(GatewayProblems problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::catalogue);
        router.get(PATH + "/:slug").handler(this::page);
    }

    private void catalogue(RoutingContext context) {
        Locale language = ProblemLanguage.of(context.request().getHeader("Accept-Language"));
        StringBuilder rows = new StringBuilder();
        for (ProblemType type : ProblemType.values()) {
            rows.append("<tr><td><a href=\"").append(PATH).append('/').append(type.slug()).append("\"><code>")
                    .append(type.slug()).append("</code></a></td><td>").append(type.status()).append("</td><td>")
                    .append(escape(type.title(language))).append("</td><td>").append(escape(type.sentWhen(language)))
                    .append("</td></tr>\n");
        }
        boolean vietnamese = ProblemType.isVietnamese(language);
        send(context, language, vietnamese ? "Các loại lỗi" : "Problem types",
                "<p>" + (vietnamese ? "Mọi câu trả lời lỗi (4xx, 5xx) là application/problem+json; trường type là một"
                        + " trong các URI dưới đây." : "Every refusal (4xx, 5xx) is application/problem+json; its type is"
                        + " one of the URIs below.") + "</p>\n<table>\n<tr><th>type</th><th>status</th><th>title</th><th>"
                        + (vietnamese ? "khi nào" : "when") + "</th></tr>\n" + rows + "</table>");
    }

    private void page(RoutingContext context) {
        Locale language = ProblemLanguage.of(context.request().getHeader("Accept-Language"));
        String slug = context.pathParam("slug");
        ProblemType type = ProblemType.ofSlug(slug).orElse(null);
        if (type == null) {
            problems.write(context, ProblemType.NOT_FOUND, new Text("No problem type " + slug + "; the catalogue is at " + PATH,
                    "Không có loại lỗi " + slug + "; danh mục ở " + PATH));
            return;
        }
        boolean vietnamese = ProblemType.isVietnamese(language);
        String fields = type.fields() == null
                ? (vietnamese ? "Không có errors[]." : "It carries no errors[].")
                : (vietnamese ? "Mỗi phần tử errors[] nêu field: " : "Each errors[] entry names in field: ") + type.fields();
        send(context, language, type.title(language),
                "<p><code>" + escape(type.uri()) + "</code> · HTTP " + type.status() + "</p>\n<p>"
                        + escape(type.sentWhen(language)) + "</p>\n<p>" + escape(fields) + "</p>\n<p>"
                        + (vietnamese ? "Tiêu đề: " : "Title: ") + escape(type.title(Locale.ENGLISH)) + " / "
                        + escape(type.title(ProblemLanguage.VIETNAMESE)) + "</p>\n<p><a href=\"" + PATH + "\">"
                        + (vietnamese ? "Tất cả các loại lỗi" : "Every problem type") + "</a></p>");
    }

    private static void send(RoutingContext context, Locale language, String title, String body) {
        context.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Language", language.getLanguage()).putHeader("Vary", "Accept-Language")
                .putHeader("Cache-Control", "public, max-age=3600")
                .end("<!DOCTYPE html>\n<html lang=\"" + language.getLanguage() + "\"><head><meta charset=\"utf-8\"><title>"
                        + escape(title) + "</title></head>\n<body><h1>" + escape(title) + "</h1>\n" + body
                        + "\n</body></html>\n");
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
