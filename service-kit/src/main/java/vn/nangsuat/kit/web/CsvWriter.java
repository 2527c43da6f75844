package vn.nangsuat.kit.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes a {@link CsvExport} answer as UTF-8 CSV with a BOM (so Excel reads Vietnamese names right) by Jackson's CSV
 * writer, the same library imports read with: the one style of every export, a header of the JSON property names
 * (camelCase), LF line ends, a value quoted when it needs to be. An empty answer is an empty body. Every CSV answer is
 * an attachment named after its path ({@code /api/v1/cross-sections} saves as {@code cross-sections.csv}).
 */
@Provider
@Produces(CsvWriter.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<CsvExport> {

    public static final String TEXT_CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(TEXT_CSV);
    private static final String CONTENT_DISPOSITION = "Content-Disposition";

    /** Columns in the record's order (CsvMapper sorts them alphabetically unless told not to). */
    private static final CsvMapper CSV = CsvMapper.builder().disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvExport.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(CsvExport answer, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException, WebApplicationException {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, TEXT_CSV + "; charset=UTF-8");
        List<?> rows = answer.csvRows();
        if (rows.isEmpty()) {
            return;
        }
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Class<?> rowType = rows.get(0).getClass();
        try (SequenceWriter writer = CSV.writerFor(rowType).with(CSV.schemaFor(rowType).withHeader())
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
            writer.writeAll(rows);
        }
    }

    /**
     * Whether a request asks for CSV first: its first acceptable type is `text/csv` (as `?format=csv` makes it); a
     * wildcard, a browser's "anything", is not asking, and gets JSON.
     */
    public static boolean asksForCsv(List<MediaType> acceptable) {
        return acceptable.stream().findFirst().map(first -> !first.isWildcardType() && first.isCompatible(CSV_TYPE))
                .orElse(false);
    }

    /** Names the file a browser saves: the path after the API version, its segments joined by '-'. */
    @ServerResponseFilter
    public void attachment(ContainerRequestContext request, ContainerResponseContext response) {
        // A method that returns its record lets the writer be chosen after this filter: then the request's first
        // acceptable type (which ?format=csv sets) says what the answer will be.
        MediaType type = response.getMediaType();
        boolean asCsv = type != null ? type.isCompatible(CSV_TYPE) : response.getEntity() instanceof CsvExport
                && asksForCsv(request.getAcceptableMediaTypes());
        if (response.getStatus() == 200 && asCsv && !response.getHeaders().containsKey(CONTENT_DISPOSITION)) {
            String name = request.getUriInfo().getPath().replaceFirst("^/?api/v\\d+/", "").replaceAll("[^A-Za-z0-9]+", "-")
                    .replaceAll("^-|-$", "");
            response.getHeaders().putSingle(CONTENT_DISPOSITION,
                    "attachment; filename=\"" + (name.isEmpty() ? "export" : name) + ".csv\"");
        }
    }

    /**
     * `?format=csv` asks for CSV as `Accept: text/csv` does, for links a browser downloads. Read from the raw query:
     * decoding it here would consume a malformed one that the parameters' reading must refuse with a 400.
     */
    @ServerRequestFilter(preMatching = true)
    public void formatParameter(ContainerRequestContext request, HttpServerRequest http) {
        String query = http.query();
        if (query != null && Arrays.asList(query.split("&")).contains("format=csv")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, TEXT_CSV);
        }
    }
}
