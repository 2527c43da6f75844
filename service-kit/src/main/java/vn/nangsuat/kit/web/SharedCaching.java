package vn.nangsuat.kit.web;

/**
 * How long a shared cache (the gateway) may answer a read of data that changes a few times a year (units, indicator
 * definitions) without asking the service again: {@code @Cache(sMaxAge = SharedCaching.SECONDS)} on the resource
 * method says so in {@code Cache-Control}. A write through the gateway drops what it kept of the service; another
 * gateway instance may serve the old answer for this long.
 */
public final class SharedCaching {

    public static final int SECONDS = 1;

    private SharedCaching() {
    }
}
