package vn.nangsuat.kit.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import vn.nangsuat.http.FieldText;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;

/**
 * Entity tags and conditional writes: an `ETag` on every read of a single resource, and `If-Match` required
 * on updates, so two clients cannot overwrite each other's change unknowingly (412 when stale, 428 when the
 * header is missing).
 */
public final class Preconditions {

    private Preconditions() {
    }

    /** A strong entity tag from the parts that identify a resource's state (id, row version, ...). */
    public static String etag(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses the write unless `If-Match` names the current entity tag (or is `*`). */
    public static void requireMatch(String ifMatch, String currentEtag) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    new Text("Send If-Match with the ETag of the version you read, so a concurrent change is not overwritten",
                            "Hãy gửi If-Match với ETag của phiên bản đã đọc, để không ghi đè một thay đổi đồng thời"),
                    List.of(new FieldText("If-Match", new Text("is required", "là bắt buộc"))));
        }
        if (names(ifMatch, currentEtag)) {
            return;
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                new Text("The resource changed since it was read: read it again and retry with its new ETag",
                        "Tài nguyên đã thay đổi kể từ lần đọc: hãy đọc lại và thử lại với ETag mới"),
                List.of(new FieldText("If-Match", new Text("does not match the current ETag " + currentEtag,
                        "không khớp ETag hiện tại " + currentEtag))));
    }

    /** Whether an `If-Match` or `If-None-Match` value (a list of tags, or `*`) names the entity tag. */
    public static boolean names(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
