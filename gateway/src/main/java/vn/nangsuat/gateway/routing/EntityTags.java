package vn.nangsuat.gateway.routing;

import java.util.Arrays;

/** If-None-Match against an ETag, as RFC 9110 section 13.1.2 compares them (weakly). Pure. */
public final class EntityTags {

    private EntityTags() {
    }

    /** Whether an answer with this ETag is one the client already has: then it gets a 304. */
    public static boolean unchanged(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String own = etag.replaceFirst("^W/", "");
        return Arrays.stream(ifNoneMatch.split(","))
                .map(tag -> tag.trim().replaceFirst("^W/", ""))
                .anyMatch(tag -> tag.equals(own) || tag.equals("*"));
    }
}
