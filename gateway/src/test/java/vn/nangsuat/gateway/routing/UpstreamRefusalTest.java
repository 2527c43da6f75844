package vn.nangsuat.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The exceptions the Vert.x client really fails with, each told apart by its kind, not its message. */
class UpstreamRefusalTest {

    @Test
    void aRefusedConnectionIsA502AndMarksTheServiceUnreachable() {
        UpstreamRefusal refusal = UpstreamRefusal.of(new ConnectException("Connection refused: /10.0.0.7:8082"), "indicator");
        assertEquals(502, refusal.status());
        assertEquals("indicator-service is not reachable", refusal.detail().english());
        assertTrue(refusal.unreachable());
    }

    @Test
    void aConnectionThatTimesOutIsStillA502NotA504() {
        UpstreamRefusal refusal = UpstreamRefusal.of(new ConnectTimeoutException("connection timed out: /10.0.0.7:8082"), "plan");
        assertEquals(502, refusal.status());
        assertTrue(refusal.unreachable());
    }

    @Test
    void anAnswerThatTakesTooLongIsA504WhateverItsMessageSays() {
        UpstreamRefusal vertx = UpstreamRefusal.of(
                new NoStackTraceTimeoutException("The timeout period of 30000ms has been exceeded while executing GET"), "plan");
        assertEquals(504, vertx.status());
        assertEquals("plan-service did not answer in time", vertx.detail().english());
        assertEquals(504, UpstreamRefusal.of(new VertxException(ReadTimeoutException.INSTANCE), "plan").status());
        assertFalse(vertx.unreachable());
    }

    @Test
    void aMessageThatMentionsATimeoutDoesNotMakeA504() {
        UpstreamRefusal refusal = UpstreamRefusal.of(new HttpClosedException("Connection was closed (timeout header)"), "plan");
        assertEquals(502, refusal.status());
        assertEquals("plan-service broke off the exchange", refusal.detail().english());
    }

    @Test
    void aFullWaitQueueIsA503() {
        UpstreamRefusal refusal = UpstreamRefusal.of(
                new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 128"), "province");
        assertEquals(503, refusal.status());
        assertEquals("service-unavailable", refusal.type().slug());
        assertFalse(refusal.detail().english().contains("128"));
    }
}
