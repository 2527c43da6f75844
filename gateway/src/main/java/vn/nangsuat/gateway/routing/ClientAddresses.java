package vn.nangsuat.gateway.routing;

import io.netty.util.NetUtil;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.nangsuat.gateway.config.GatewayConfig;

/**
 * Who the client is. The TCP peer, unless the peer is one of the configured trusted proxies: then the hops that
 * `Forwarded` (RFC 7239; else `X-Forwarded-For`) lists are walked from the right, each believed only while the
 * hop that reported it is trusted too, as a load balancer appends and a client may prepend anything. A hop that
 * is not an IP address (`unknown`, `_hidden`) ends the walk at the last address that can be vouched for.
 */
@Startup  // a bad TRUSTED_PROXIES entry stops the start, not every request later
@ApplicationScoped
public class ClientAddresses {

    private final List<AddressBlock> trustedProxies;

    public ClientAddresses(GatewayConfig config) {
        this.trustedProxies = config.rateLimit().trustedProxies().orElse(List.of()).stream()
                .map(String::trim).filter(entry -> !entry.isEmpty()).map(AddressBlock::parse).toList();
    }

    /** The client's address in canonical form (203.0.113.7, 2001:db8:0:0:0:0:0:1); "unknown" without a peer. */
    public String of(HttpServerRequest request) {
        if (request.remoteAddress() == null) {
            return "unknown";
        }
        String peer = canonical(request.remoteAddress().hostAddress());
        String client = peer == null ? request.remoteAddress().hostAddress() : peer;
        if (peer == null || !isTrusted(peer)) {
            return client;
        }
        List<String> hops = forwardedHops(request);
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            String hop = canonical(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
        }
        return client;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = bytesOf(address);
        return bytes != null && trustedProxies.stream().anyMatch(block -> block.contains(bytes));
    }

    /** The `for` hops of `Forwarded`, or else of `X-Forwarded-For`, left (farthest) to right (nearest). */
    private static List<String> forwardedHops(HttpServerRequest request) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = request.headers().getAll("Forwarded");
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : header.split(",")) {
                    String hop = "unknown";
                    for (String pair : element.split(";")) {
                        int equals = pair.indexOf('=');
                        if (equals > 0 && pair.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("for")) {
                            hop = pair.substring(equals + 1).trim();
                        }
                    }
                    hops.add(hop);
                }
            }
            return hops;
        }
        for (String header : request.headers().getAll("X-Forwarded-For")) {
            hops.addAll(Arrays.asList(header.split(",")));
        }
        return hops;
    }

    /** An IP literal without quotes, brackets or port, in canonical form; null for anything else (no DNS lookup). */
    static String canonical(String hop) {
        byte[] bytes = bytesOf(hop);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] bytesOf(String hop) {
        if (hop == null) {
            return null;
        }
        String address = hop.trim();
        if (address.length() >= 2 && address.startsWith("\"") && address.endsWith("\"")) {
            address = address.substring(1, address.length() - 1);
        }
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            address = close < 0 ? address : address.substring(1, close);
        } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));  // IPv4 with a port
        }
        int zone = address.indexOf('%');
        if (zone > 0) {
            address = address.substring(0, zone);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        return bytes == null ? null : unmapped(bytes);
    }

    /** ::ffff:10.0.0.1 is 10.0.0.1, so one client is one bucket however its address was written. */
    private static byte[] unmapped(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
    }

    /** One trusted address, or a CIDR block of them. */
    record AddressBlock(byte[] network, int prefixBits) {

        static AddressBlock parse(String entry) {
            int slash = entry.indexOf('/');
            byte[] network = bytesOf(slash < 0 ? entry : entry.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("gateway.rate-limit.trusted-proxies: " + entry
                        + " is not an IP address or CIDR block (host names are not looked up)");
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1).trim());
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("gateway.rate-limit.trusted-proxies: " + entry + " has a bad prefix length");
            }
            return new AddressBlock(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
