package vn.nangsuat.http;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id every request carries in `X-Request-Id`, the same rule at the gateway and in the services: the
 * caller's when it is a sane token, a new one otherwise, so a hostile header never reaches a log line.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestId() {
    }

    public static String acceptOrNew(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
