package vn.nangsuat.kit.paging;

/** A page asked for by `page` (from 0) and `size` (1 to {@value #MAX_SIZE}); {@link PageParams} checks the bounds. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public int offset() {
        return page * size;
    }
}
