package vn.nangsuat.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Request targets as clients really send them. curl and others put UTF-8 into the target as raw bytes
 * ({@code ?q=Đắk Lắk}) and characters a URI cannot hold ({@code ?q=<script>}, {@code {}|^`}); Netty hands the
 * target over with each byte read as one ISO-8859-1 character.
 */
public final class RequestTargets {

    /** What may stand in a URI as it is (RFC 3986 unreserved and reserved characters, %), but for # [ ]. */
    /** Why a request target whose bytes are not UTF-8 is refused, by the gateway and the services alike. */
    public static final Text NOT_UTF8 = new Text("The request target is not UTF-8: percent-encode its bytes (RFC 3986)",
            "Đích của yêu cầu không phải UTF-8: hãy mã hóa phần trăm các byte của nó (RFC 3986)");

    private static final BitSet AS_IS = new BitSet(128);

    static {
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?@!$&'()*+,;=%".chars().forEach(AS_IS::set);
    }

    private RequestTargets() {
    }

    /**
     * The target as the client wrote it: the characters turned back into the bytes they were, read as UTF-8.
     * Null when those bytes are not UTF-8.
     */
    public static String utf8(String received) {
        if (received.chars().allMatch(c -> c < 0x80)) {
            return received;
        }
        byte[] bytes = new byte[received.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = received.charAt(i);
            if (c > 0xff) {
                return null;
            }
            bytes[i] = (byte) c;
        }
        return decodeUtf8(bytes);
    }

    /**
     * The target every URI parser accepts, meaning the same: raw UTF-8 and characters a URI cannot hold
     * percent-encoded, %-escapes left as they are. Null when the target's bytes, raw or %-escaped, are not UTF-8:
     * such a target names nothing this API has. A target with a broken %-escape comes back as received, to be
     * refused ({@link #hasBrokenEscape}).
     */
    public static String encoded(String received) {
        if (received.chars().allMatch(c -> c < 0x80 && AS_IS.get(c) && c != '%')) {
            return received;
        }
        String target = utf8(received);
        if (target != null && hasBrokenEscape(target)) {
            return received;
        }
        if (target == null || !escapesAreUtf8(target)) {
            return null;
        }
        StringBuilder encoded = new StringBuilder(target.length() + 16);
        target.codePoints().forEach(c -> {
            if (c < 0x80 && AS_IS.get(c)) {
                encoded.append((char) c);
            } else {
                for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
        });
        return encoded.toString();
    }

    /**
     * The target as a URI reference any parser takes, for a problem's {@code instance} even when the target itself
     * was refused: every character a URI cannot hold, and the % of a broken escape, percent-encoded (a character
     * up to U+00FF as the byte it stands for, as Vert.x hands raw bytes over).
     */
    public static String quoted(String received) {
        StringBuilder quoted = new StringBuilder(received.length() + 16);
        for (int i = 0; i < received.length(); i++) {
            char c = received.charAt(i);
            boolean brokenEscape = c == '%' && (i + 2 >= received.length()
                    || Character.digit(received.charAt(i + 1), 16) < 0 || Character.digit(received.charAt(i + 2), 16) < 0);
            if (c < 0x80 && AS_IS.get(c) && !brokenEscape) {
                quoted.append(c);
            } else {
                byte[] bytes = c <= 0xff ? new byte[] {(byte) c} : String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    quoted.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
        }
        return quoted.toString();
    }

    /** Whether a % of the target is not followed by two hexadecimal digits. */
    public static boolean hasBrokenEscape(String target) {
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                    || Character.digit(target.charAt(i + 2), 16) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bytes the %-escapes stand for, with the characters around them, are UTF-8. */
    private static boolean escapesAreUtf8(String target) {
        if (target.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                bytes.write(Character.digit(target.charAt(i + 1), 16) * 16 + Character.digit(target.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return decodeUtf8(bytes.toByteArray()) != null;
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
