package vn.nangsuat.indicator.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the change feed: after the revision recorded at `recordedAt` with this key (revisions recorded at the
 * same instant are ordered by unit, indicator, period, revision), or, without a key, after every revision recorded at
 * that instant. Opaque to clients: base64url of its fields.
 */
public record ChangeCursor(Instant recordedAt, String unit, String indicator, String period, int revision) {

    /** Before every revision recorded after the instant. */
    public static ChangeCursor after(Instant instant) {
        return new ChangeCursor(instant, null, null, null, 0);
    }

    public static ChangeCursor after(Observation revision) {
        return new ChangeCursor(revision.recordedAt, revision.id.unitCode(), revision.id.indicatorCode(),
                revision.id.period(), revision.id.revision());
    }

    public boolean hasKey() {
        return unit != null;
    }

    public String encode() {
        String text = "1|" + recordedAt + "|" + (hasKey() ? unit + "|" + indicator + "|" + period + "|" + revision : "||||");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; empty when it is not one this service wrote. */
    public static Optional<ChangeCursor> decode(String text) {
        try {
            String[] part = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (part.length != 6 || !part[0].equals("1")) {
                return Optional.empty();
            }
            Instant at = Instant.parse(part[1]);
            return part[2].isEmpty() ? Optional.of(after(at))
                    : Optional.of(new ChangeCursor(at, part[2], part[3], part[4], Integer.parseInt(part[5])));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
