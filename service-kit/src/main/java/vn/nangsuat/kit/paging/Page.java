package vn.nangsuat.kit.paging;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.kit.web.CsvExport;
import vn.nangsuat.kit.web.Preconditions;

/** One page of a list: the items and where they sit in the whole. */
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Page number, from 0", examples = "0") int page,
        @Schema(description = "Page size asked for", examples = "50") int size,
        @Schema(description = "Items in the whole list", examples = "63") long totalItems) implements CsvExport {

    @Override
    public List<?> csvRows() {
        return items;
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems);
    }

    /** The requested page of a whole list held in memory (a snapshot, say). */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = Math.min(request.offset(), all.size());
        return of(all.subList(from, Math.min(from + request.size(), all.size())), request, all.size());
    }

    /** The same page with each item mapped, e.g. from entities to response records. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems);
    }

    public int lastPage() {
        return totalItems == 0 ? 0 : (int) ((totalItems - 1) / size);
    }

    /**
     * The page as a 200 with RFC 8288 `Link` headers (first, prev, next, last) that keep the other query parameters,
     * and an `ETag` made of the tag of the data it was read from (a snapshot's, say: taken before the read) and the
     * query, so a client that holds this page gets a 304 (`If-None-Match`) until the data changes.
     */
    public Response toResponse(UriInfo uri, Request request, String dataTag) {
        EntityTag tag = EntityTag.valueOf(Preconditions.etag(dataTag, page, size, new TreeMap<>(uri.getQueryParameters())));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return (notModified != null ? notModified : Response.ok(this)).tag(tag).links(links(uri)).build();
    }

    /** RFC 8288 links to the first, previous, next and last pages, keeping the request's other query parameters. */
    public Link[] links(UriInfo uri) {
        List<Link> links = new ArrayList<>();
        links.add(link(uri, 0, "first"));
        if (page > 0) {
            links.add(link(uri, Math.min(page - 1, lastPage()), "prev"));
        }
        if (page < lastPage()) {
            links.add(link(uri, page + 1, "next"));
        }
        links.add(link(uri, lastPage(), "last"));
        return links.toArray(Link[]::new);
    }

    /**
     * A link to another page: this request's path with its query parameters as decoded, `page` and `size` replaced,
     * each name and value percent-encoded again. Never from the raw request URI, which may hold characters a URI
     * cannot ({@code ?q=<script>}, raw UTF-8) and would make the link, and so the whole answer, fail.
     */
    private Link link(UriInfo uri, int target, String rel) {
        StringJoiner query = new StringJoiner("&");
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("size")) {
                values.forEach(value -> query.add(encode(name) + "=" + encode(value)));
            }
        });
        query.add("page=" + target).add("size=" + size);
        return Link.fromUri(URI.create(uri.getAbsolutePath() + "?" + query)).rel(rel).build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
