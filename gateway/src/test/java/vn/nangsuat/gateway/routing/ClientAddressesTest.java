package vn.nangsuat.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.NetUtil;
import org.junit.jupiter.api.Test;

/** How trusted-proxy entries and forwarded hops are read; the walk itself is tested through the gateway. */
class ClientAddressesTest {

    @Test
    void aCidrBlockHoldsExactlyItsAddresses() {
        ClientAddresses.AddressBlock block = ClientAddresses.AddressBlock.parse("10.20.0.0/14");
        assertTrue(block.contains(NetUtil.createByteArrayFromIpAddressString("10.23.255.255")));
        assertFalse(block.contains(NetUtil.createByteArrayFromIpAddressString("10.24.0.0")));
        ClientAddresses.AddressBlock v6 = ClientAddresses.AddressBlock.parse("2001:db8::/32");
        assertTrue(v6.contains(NetUtil.createByteArrayFromIpAddressString("2001:db8:ffff::1")));
        assertFalse(v6.contains(NetUtil.createByteArrayFromIpAddressString("2001:db9::1")));
        assertFalse(v6.contains(NetUtil.createByteArrayFromIpAddressString("10.20.0.1")));
    }

    @Test
    void aSingleAddressIsABlockOfOne() {
        ClientAddresses.AddressBlock one = ClientAddresses.AddressBlock.parse("192.0.2.7");
        assertTrue(one.contains(NetUtil.createByteArrayFromIpAddressString("192.0.2.7")));
        assertFalse(one.contains(NetUtil.createByteArrayFromIpAddressString("192.0.2.8")));
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedRatherThanLookedUp() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.AddressBlock.parse("lb.example.vn"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.AddressBlock.parse("10.0.0.0/33"));
    }

    @Test
    void forwardedHopsAreReadInEveryWrittenFormAndOneClientIsOneKey() {
        assertEquals("192.0.2.43", ClientAddresses.canonical("\"192.0.2.43:47011\""));
        assertEquals("2001:db8:0:0:0:0:0:1", ClientAddresses.canonical("\"[2001:db8::1]:4711\""));
        assertEquals(ClientAddresses.canonical("2001:DB8:0::1"), ClientAddresses.canonical("[2001:db8::1]"));
        assertEquals("10.0.0.1", ClientAddresses.canonical("::ffff:10.0.0.1"));
        assertNull(ClientAddresses.canonical("unknown"));
        assertNull(ClientAddresses.canonical("_hidden"));
    }
}
