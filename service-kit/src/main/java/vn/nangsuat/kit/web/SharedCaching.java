package vn.nangsuat.kit.web;

/**
 * How long a shared cache (the gateway) may answer a read without asking the service again.
 * <ul>
 * <li>Data that changes a few times a year (units, indicator definitions): {@code @Cache(sMaxAge = SharedCaching.SECONDS)}
 * on the resource method. A write through the gateway drops what it kept of the service.</li>
 * <li>A read model's answer ({@link #READ_MODEL_CACHE_CONTROL}): it also moves with events from other services, which pass no
 * gateway (a value recorded at indicator-service moves plan-service's national goals), so the lifetime is what a
 * reader may accept as late: the gateway serves it for at most {@link #READ_MODEL_SECONDS} after the service
 * computed it, and the service computes it again within the event latency of a change.</li>
 * </ul>
 * Another gateway instance may serve the former answer for as long.
 */
public final class SharedCaching {

    public static final int SECONDS = 1;
    public static final int READ_MODEL_SECONDS = 1;
    /** The Cache-Control header of a read model's answer, written once. */
    public static final String READ_MODEL_CACHE_CONTROL = "s-maxage=" + READ_MODEL_SECONDS;

    private SharedCaching() {
    }
}
