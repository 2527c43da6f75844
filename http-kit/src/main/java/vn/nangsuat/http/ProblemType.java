package vn.nangsuat.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of problem types: every `type` an answer may carry, in one place. Each has its title in English and
 * Vietnamese (the one an answer carries follows `Accept-Language`), when it is sent, and what `errors[].field`
 * holds. The gateway serves each as a page at its URI's path ({@code /problems/<slug>}) and the list at
 * {@code /problems}; the contract links them. A test holds the code to it: a slug sent that is not here fails it.
 */
public enum ProblemType {

    INVALID_INPUT("invalid-input", 400, "Invalid input", "Dữ liệu không hợp lệ",
            "A query or path parameter, a header or a field of the body is invalid.",
            "Một tham số truy vấn hoặc đường dẫn, một header hoặc một trường của nội dung gửi lên không hợp lệ.",
            "the parameter or header by name (`size`, `If-Match`), a JSON Pointer into the body (`/targetValue`), or"
                    + " `body` for a body that is not well-formed JSON"),
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request", "Yêu cầu sai định dạng",
            "The request target cannot be read (a broken %-escape, bytes that are not UTF-8), a chunked body is"
                    + " malformed, or the connection closed before the request was read whole.",
            "Không đọc được địa chỉ yêu cầu (mã %-escape hỏng, byte không phải UTF-8), nội dung chunked sai định dạng,"
                    + " hoặc kết nối đóng trước khi đọc hết yêu cầu.",
            "`url` for the request target"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized", "Chưa xác thực",
            "A write came without a bearer token, or the token sent is forged, expired or malformed.",
            "Yêu cầu ghi không kèm bearer token, hoặc token bị giả mạo, hết hạn hay sai định dạng.", null),
    FORBIDDEN("forbidden", 403, "Forbidden", "Không có quyền",
            "The token's role or provinces do not allow this operation (an editor writes only its provinces' data).",
            "Vai trò hoặc các tỉnh trong token không cho phép thao tác này (biên tập viên chỉ ghi dữ liệu của tỉnh mình).",
            null),
    NOT_FOUND("not-found", 404, "Not Found", "Không tìm thấy",
            "Nothing has this id or code (on the date asked for), or no route has this path.",
            "Không có đối tượng nào mang mã hoặc định danh này (vào ngày được hỏi), hoặc không có đường dẫn này.", null),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method Not Allowed", "Phương thức không được phép",
            "The path exists but does not take this HTTP method.", "Đường dẫn có tồn tại nhưng không nhận phương thức HTTP này.",
            null),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not Acceptable", "Không đáp ứng được định dạng yêu cầu",
            "None of the media types in Accept can be answered (JSON, and CSV where the operation says so).",
            "Không có định dạng nào trong Accept được hỗ trợ (JSON, và CSV ở những thao tác có ghi).", null),
    REQUEST_TIMEOUT("request-timeout", 408, "Request Timeout", "Hết thời gian chờ yêu cầu",
            "The request body stopped arriving before its end; the connection is closed: send it again whole.",
            "Nội dung yêu cầu ngừng gửi trước khi kết thúc; kết nối đã đóng: hãy gửi lại toàn bộ.", null),
    CONFLICT("conflict", 409, "Conflict", "Xung đột",
            "The request is valid but contradicts the current state: a code already taken, an overlap, a concurrent"
                    + " write that came first.",
            "Yêu cầu hợp lệ nhưng mâu thuẫn với trạng thái hiện tại: mã đã được dùng, thời kỳ chồng lấn, hoặc một lần"
                    + " ghi đồng thời đã đến trước.", null),
    TRANSITION_NOT_ALLOWED("transition-not-allowed", 409, "Transition Not Allowed", "Không được chuyển trạng thái",
            "A plan cannot move from its state to the one asked for; the detail names the states it can move to.",
            "Kế hoạch không thể chuyển từ trạng thái hiện tại sang trạng thái yêu cầu; phần chi tiết nêu các trạng thái được"
                    + " phép.", "`to`"),
    IDEMPOTENCY_KEY_IN_FLIGHT("idempotency-key-in-flight", 409, "Conflict", "Xung đột",
            "A request with the same Idempotency-Key is still being answered: send again shortly.",
            "Một yêu cầu cùng Idempotency-Key vẫn đang được xử lý: hãy gửi lại sau giây lát.", "`Idempotency-Key`"),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition Failed", "Điều kiện tiên quyết không thỏa",
            "The resource changed since it was read: the If-Match sent is stale. Read it again, then retry.",
            "Đối tượng đã thay đổi kể từ lần đọc: If-Match đã cũ. Hãy đọc lại rồi thử lại.", "`If-Match`"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload Too Large", "Nội dung quá lớn",
            "The request body is larger than allowed (MAX_BODY_BYTES; an import, IMPORT_MAX_BYTES).",
            "Nội dung yêu cầu lớn hơn mức cho phép (MAX_BODY_BYTES; với một lần nhập, IMPORT_MAX_BYTES).", null),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type", "Định dạng nội dung không được hỗ trợ",
            "The body's Content-Type is not one the operation takes (JSON; an import, JSON or CSV).",
            "Content-Type của nội dung không được thao tác này chấp nhận (JSON; với một lần nhập, JSON hoặc CSV).", null),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Unprocessable Content", "Không xử lý được nội dung",
            "The Idempotency-Key was used for another request (another body or target): use a new key.",
            "Idempotency-Key đã được dùng cho một yêu cầu khác (nội dung hoặc địa chỉ khác): hãy dùng khóa mới.",
            "`Idempotency-Key`"),
    INVALID_IMPORT("invalid-import", 400, "Bad Request", "Yêu cầu không hợp lệ",
            "An import was refused whole: rows that cannot be taken (each named by its line), or a file that cannot be"
                    + " read; nothing of it was stored.",
            "Lần nhập bị từ chối toàn bộ: có dòng không nhận được (mỗi dòng nêu số dòng), hoặc không đọc được tệp; không"
                    + " lưu gì.", "`line <n>: <column>` for a row, `body` for the file"),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition Required", "Cần điều kiện tiên quyết",
            "A change needs If-Match with the ETag a read returned.",
            "Thao tác thay đổi cần If-Match mang ETag nhận được khi đọc.", "`If-Match`"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too Many Requests", "Quá nhiều yêu cầu",
            "Too many requests from this client; Retry-After gives the seconds to wait.",
            "Máy khách này gửi quá nhiều yêu cầu; Retry-After cho biết số giây cần chờ.", null),
    INTERNAL_SERVER_ERROR("internal-server-error", 500, "Internal Server Error", "Lỗi máy chủ",
            "The request could not be completed because of a fault; the requestId names it in the logs.",
            "Không hoàn tất được yêu cầu do một lỗi; requestId giúp tìm lỗi trong nhật ký.", null),
    UPSTREAM_UNAVAILABLE("upstream-unavailable", 502, "Bad Gateway", "Lỗi cổng kết nối",
            "The service behind the gateway cannot be reached or broke off the exchange.",
            "Không kết nối được dịch vụ phía sau cổng, hoặc dịch vụ ngắt giữa chừng.", null),
    UPSTREAM_ANSWER_TOO_LARGE("upstream-answer-too-large", 502, "Bad Gateway", "Lỗi cổng kết nối",
            "The service answered with more than the gateway forwards (UPSTREAM_MAX_RESPONSE_BYTES).",
            "Dịch vụ trả về nhiều hơn mức cổng chuyển tiếp (UPSTREAM_MAX_RESPONSE_BYTES).", null),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service Unavailable", "Dịch vụ tạm thời không sẵn sàng",
            "The service is down, stopping, or has too many requests waiting; Retry-After gives the seconds to wait.",
            "Dịch vụ đang ngừng, đang tắt, hoặc có quá nhiều yêu cầu đang chờ; Retry-After cho biết số giây cần chờ.", null),
    SERVICE_BUSY("service-busy", 503, "Service Unavailable", "Dịch vụ tạm thời không sẵn sàng",
            "Every database connection is in use; nothing was changed. Retry after the time in Retry-After.",
            "Mọi kết nối cơ sở dữ liệu đều đang bận; chưa có gì thay đổi. Hãy thử lại sau thời gian trong Retry-After.", null),
    DATABASE_UNAVAILABLE("database-unavailable", 503, "Service Unavailable", "Dịch vụ tạm thời không sẵn sàng",
            "The database cannot be reached; nothing was changed, unless the detail says the outcome is unknown (read"
                    + " the resource again).",
            "Không kết nối được cơ sở dữ liệu; chưa có gì thay đổi, trừ khi phần chi tiết nói kết quả chưa rõ (hãy đọc lại"
                    + " đối tượng).", null),
    IMPORTS_BUSY("imports-busy", 503, "Service Unavailable", "Dịch vụ tạm thời không sẵn sàng",
            "Too many imports are queued (IMPORT_MAX_QUEUED); Retry-After gives the seconds to wait.",
            "Có quá nhiều lần nhập đang xếp hàng (IMPORT_MAX_QUEUED); Retry-After cho biết số giây cần chờ.", null),
    IMPORT_FAILED("import-failed", 503, "Service Unavailable", "Dịch vụ tạm thời không sẵn sàng",
            "An import could not be completed (the service stopped, or the database failed); nothing of it was stored:"
                    + " submit it again.",
            "Không hoàn tất được lần nhập (dịch vụ dừng, hoặc cơ sở dữ liệu lỗi); không lưu gì: hãy gửi lại.", null),
    UPSTREAM_TIMEOUT("upstream-timeout", 504, "Gateway Timeout", "Hết thời gian chờ cổng kết nối",
            "The service behind the gateway did not answer in time (UPSTREAM_TIMEOUT).",
            "Dịch vụ phía sau cổng không trả lời kịp (UPSTREAM_TIMEOUT).", null);

    private final String slug;
    private final int status;
    private final String title;
    private final String titleVi;
    private final String sentWhen;
    private final String sentWhenVi;
    private final String fields;

    ProblemType(String slug, int status, String title, String titleVi, String sentWhen, String sentWhenVi, String fields) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.titleVi = titleVi;
        this.sentWhen = sentWhen;
        this.sentWhenVi = sentWhenVi;
        this.fields = fields;
    }

    public static Optional<ProblemType> ofSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }

    /** The type of a refusal that says no more than its status (a route's 405, a body over the limit's 413). */
    public static Optional<ProblemType> generic(int status) {
        return Optional.ofNullable(switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> IDEMPOTENCY_KEY_REUSED;  // the API's only 422
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> TOO_MANY_REQUESTS;
            case 500 -> INTERNAL_SERVER_ERROR;
            case 502 -> UPSTREAM_UNAVAILABLE;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> UPSTREAM_TIMEOUT;
            default -> null;
        });
    }

    /** The type of a problem URI of this API, e.g. {@code https://nangsuat.vn/problems/not-found}. */
    public static Optional<ProblemType> ofUri(String uri) {
        return uri != null && uri.startsWith(Problem.TYPE_BASE) ? ofSlug(uri.substring(Problem.TYPE_BASE.length()))
                : Optional.empty();
    }

    public String slug() {
        return slug;
    }

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }

    public int status() {
        return status;
    }

    /** The title in the language asked for: Vietnamese for {@code vi}, English otherwise. */
    public String title(Locale language) {
        return isVietnamese(language) ? titleVi : title;
    }

    public String sentWhen(Locale language) {
        return isVietnamese(language) ? sentWhenVi : sentWhen;
    }

    /** What `errors[].field` holds for this type, or null when it carries no field errors. */
    public String fields() {
        return fields;
    }

    public static boolean isVietnamese(Locale language) {
        return language != null && "vi".equals(language.getLanguage());
    }
}
