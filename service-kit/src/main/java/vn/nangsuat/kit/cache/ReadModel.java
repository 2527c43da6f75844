package vn.nangsuat.kit.cache;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.nangsuat.kit.paging.Page;
import vn.nangsuat.kit.paging.PageRequest;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.kit.web.SharedCaching;

/**
 * Answers a service computes from many rows (the national goals, a cross-section, a series), held in memory per
 * request (its key) and kept current, so a read is a lookup: an answer is computed the first time its key is read, and
 * from then on computed again by {@link Snapshots}' refresher whenever a change it rests on is announced (a commit
 * here, an event applied, another instance's event), never at a read. Each answer is held with its JSON and an ETag
 * over that JSON, so equal answers carry equal tags on every instance, a 200 writes bytes held and a 304 costs a lookup.
 * <p>
 * A key whose answer is refused (a 4xx: an unknown indicator, a period of the wrong form) is not held. Keys not read
 * for {@code idle} are let go, and beyond {@code maxKeys} the least recently read goes first: what is held is what
 * is being read, and it is what the refresher keeps current.
 */
public final class ReadModel<K, V> {

    private static final Logger LOG = Logger.getLogger(ReadModel.class);

    /**
     * An answer as held: the value, its JSON rendered once, and a strong ETag over that JSON. A view of it for one
     * query (a page of a list) is rendered once per answer and query too ({@link #view}).
     */
    public static final class Answer<V> {

        /** Views an answer keeps rendered; more queries than this are rendered at their read. */
        private static final int MAX_VIEWS = 256;

        private final V value;
        private final byte[] json;
        private final String etag;
        private final EntityTag entityTag;
        private final Function<Object, byte[]> renderer;
        private final Map<Object, Answer<?>> views = new ConcurrentHashMap<>();
        /** The Link header of a view that is a page, made once. */
        private volatile String linkHeader;

        Answer(V value, Function<Object, byte[]> renderer) {
            this.value = value;
            this.renderer = renderer;
            this.json = renderer.apply(value);
            this.etag = Preconditions.etag(new String(json, StandardCharsets.UTF_8));
            this.entityTag = EntityTag.valueOf(etag);
        }

        public V value() {
            return value;
        }

        public String etag() {
            return etag;
        }

        /** A view of this answer for a query (a page, the goals of a year), made and rendered once. */
        @SuppressWarnings("unchecked")
        public <W> Answer<W> view(Object query, Function<V, W> make) {
            Answer<?> held = views.get(query);
            if (held == null) {
                held = new Answer<>(make.apply(value), renderer);
                if (views.size() < MAX_VIEWS) {
                    views.putIfAbsent(query, held);
                }
            }
            return (Answer<W>) held;
        }

        /**
         * A page of a list held whole, for one request: made, rendered and given its RFC 8288 links once per page and
         * request URI (links name the host the client asked, the gateway or the service).
         */
        public <T> Answer<Page<T>> page(PageRequest asked, UriInfo uri, Function<V, List<T>> items) {
            Answer<Page<T>> page = view(List.of(asked, uri.getRequestUri()), whole -> Page.slice(items.apply(whole), asked));
            if (page.linkHeader == null) {
                page.linkHeader = Arrays.stream(page.value().links(uri)).map(Link::toString)
                        .collect(Collectors.joining(", "));
            }
            return page;
        }

        /**
         * The answer as a 200 with its ETag (304 when If-None-Match names it), its links if it is a page, and the
         * lifetime a shared cache may keep it for ({@link SharedCaching#READ_MODEL_SECONDS}): the JSON held, or the
         * value for another representation the client prefers (CSV).
         */
        public Response toResponse(Request request, HttpHeaders headers) {
            Response.ResponseBuilder notModified = request.evaluatePreconditions(entityTag);
            Response.ResponseBuilder answer = notModified != null ? notModified
                    : prefersJson(headers) ? Response.ok(json, MediaType.APPLICATION_JSON_TYPE) : Response.ok(value);
            if (linkHeader != null) {
                answer.header(HttpHeaders.LINK, linkHeader);
            }
            return answer.tag(entityTag).header(HttpHeaders.CACHE_CONTROL, SharedCaching.READ_MODEL_CACHE_CONTROL).build();
        }

        private static boolean prefersJson(HttpHeaders headers) {
            List<MediaType> acceptable = headers.getAcceptableMediaTypes();
            return acceptable.isEmpty() || acceptable.get(0).isWildcardType()
                    || acceptable.get(0).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private final class Entry {
        final Snapshot<Answer<V>> answer;
        volatile long lastRead = System.nanoTime();

        Entry(K key) {
            this.answer = new Snapshot<>(() -> loader.apply(key));
        }
    }

    /** Whether the answer for a key rests on an aggregate (by type and id): a change of any other leaves it be. */
    @FunctionalInterface
    public interface RestsOn<K> {

        RestsOn<Object> EVERYTHING = (key, aggregateType, aggregateId) -> true;

        boolean restsOn(K key, String aggregateType, String aggregateId);
    }

    private final String name;
    private final Function<K, Answer<V>> loader;
    private final RestsOn<? super K> restsOn;
    private final int maxKeys;
    private final Duration idle;
    private final Map<K, Entry> entries = new ConcurrentHashMap<>();

    ReadModel(String name, Function<K, Answer<V>> loader, RestsOn<? super K> restsOn, int maxKeys, Duration idle) {
        this.name = name;
        this.loader = loader;
        this.restsOn = restsOn;
        this.maxKeys = maxKeys;
        this.idle = idle;
    }

    /** The answer for this key as last computed; computed now only when the key was not held. */
    public Answer<V> get(K key) {
        Entry entry = entries.computeIfAbsent(key, Entry::new);
        entry.lastRead = System.nanoTime();
        try {
            return entry.answer.get();
        } catch (RuntimeException e) {
            entries.remove(key, entry);  // a refused key (or a failed first load) is not held
            throw e;
        } finally {
            if (entries.size() > maxKeys) {
                letGoLeastRecentlyRead();
            }
        }
    }

    /**
     * The answer for this key on the calling thread when it is held, or computed on a worker thread when it is not (the
     * first read of a key, or one let go): for reads served on the event loop ({@code @NonBlocking}), which never
     * waits for the database and costs no hand-over to a worker thread, as cheap as a probe.
     */
    public Uni<Answer<V>> answer(K key) {
        Entry entry = entries.get(key);
        Answer<V> held = entry == null ? null : entry.answer.ifLoaded();
        if (held != null) {
            entry.lastRead = System.nanoTime();
            return Uni.createFrom().item(held);
        }
        return onWorkerThread(() -> get(key));
    }

    /** As {@link #once}, on a worker thread: for a read served on the event loop that is made once. */
    public Uni<Answer<V>> answerOnce(K key) {
        return onWorkerThread(() -> once(key));
    }

    private static <T> Uni<T> onWorkerThread(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The answer for this key computed now and not held: for a read that is made once (as of a past instant). */
    public Answer<V> once(K key) {
        return loader.apply(key);
    }

    /** Holds the key's answer from now on (computed by the next refresh), as for one read at start. */
    public void hold(K key) {
        entries.computeIfAbsent(key, Entry::new).answer.invalidate();
    }

    void invalidate() {
        entries.values().forEach(entry -> entry.answer.invalidate());
    }

    /** The aggregates changed: the answers that rest on any of them are computed again (all, when ids is null). */
    void invalidate(String aggregateType, Collection<String> aggregateIds) {
        if (aggregateIds == null) {
            invalidate();
            return;
        }
        entries.forEach((key, entry) -> {
            if (aggregateIds.stream().anyMatch(id -> restsOnSafely(key, aggregateType, id))) {
                entry.answer.invalidate();
            }
        });
    }

    private boolean restsOnSafely(K key, String aggregateType, String aggregateId) {
        try {
            return restsOn.restsOn(key, aggregateType, aggregateId);
        } catch (RuntimeException e) {
            return true;  // when in doubt, computed again
        }
    }

    /**
     * Computes again every answer whose data changed, and lets go of the keys not read lately. An answer refused now
     * (its indicator was redefined, say) is let go, so the next read gives the refusal; a failure that may pass (the
     * database away) keeps the former answer, tried again at the next pass.
     */
    void refreshStale() {
        long now = System.nanoTime();
        entries.forEach((key, entry) -> {
            if (now - entry.lastRead > idle.toNanos()) {
                entries.remove(key, entry);
            } else if (entry.answer.stale()) {
                try {
                    entry.answer.refresh();
                } catch (ProblemException e) {
                    if (e.type().status() >= 500) {
                        LOG.warnf("read model %s could not compute %s; tried again shortly: %s", name, key, e.toString());
                    } else {
                        entries.remove(key, entry);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("read model %s could not compute %s; tried again shortly: %s", name, key, e.toString());
                }
            }
        });
    }

    /** How many keys are held, how many wait to be computed again, and for how long the oldest has waited. */
    State state() {
        int stale = 0;
        Duration behind = Duration.ZERO;
        for (Entry entry : entries.values()) {
            if (entry.answer.stale()) {
                stale++;
                Duration waited = entry.answer.behind();
                behind = waited.compareTo(behind) > 0 ? waited : behind;
            }
        }
        return new State(entries.size(), stale, behind);
    }

    public record State(int held, int stale, Duration behind) {
    }

    private void letGoLeastRecentlyRead() {
        entries.entrySet().stream().min(Comparator.comparingLong(one -> one.getValue().lastRead))
                .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
    }
}
