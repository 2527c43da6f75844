package vn.nangsuat.kit.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;

/** When a read model computes an answer, what a read gets meanwhile, and what it keeps: plain rules, no infrastructure. */
class ReadModelTest {

    private static final Duration LONG = Duration.ofHours(1);

    /** A model whose answer for a key is the key and the number of computations so far ("a#1", "a#2", ...). */
    private static ReadModel<String, String> counting(Map<String, AtomicInteger> computed, int maxKeys, Duration idle) {
        return model(key -> key + "#" + computed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet(),
                maxKeys, idle);
    }

    private static <K, V> ReadModel<K, V> model(Function<K, V> compute, int maxKeys, Duration idle) {
        return new ReadModel<>("test", key -> new ReadModel.Answer<>(compute.apply(key),
                value -> String.valueOf(value).getBytes(StandardCharsets.UTF_8)), ReadModel.RestsOn.EVERYTHING, maxKeys, idle);
    }

    @Test
    void aChangeMovesOnlyTheAnswersThatRestOnItAndAChangeOfUnknownAggregatesMovesThemAll() {
        Map<String, AtomicInteger> computed = new ConcurrentHashMap<>();
        // The answer for an indicator rests on its own values (ids `unit:indicator`), and on every unit.
        ReadModel<String, String> model = new ReadModel<>("test", key -> new ReadModel.Answer<>(key + "#"
                + computed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet(),
                value -> String.valueOf(value).getBytes(StandardCharsets.UTF_8)),
                (String key, String type, String id) -> !type.equals("observation") || id.endsWith(":" + key), 10, LONG);
        model.get("GRDP");
        model.get("WORKERS");
        model.invalidate("observation", java.util.List.of("19:GRDP"));
        assertEquals(1, model.state().stale(), "only the answer on GRDP");
        model.refreshStale();
        assertEquals("GRDP#2", model.get("GRDP").value());
        assertEquals("WORKERS#1", model.get("WORKERS").value());
        model.invalidate("province", java.util.List.of("19"));
        assertEquals(2, model.state().stale(), "a unit changed: every answer");
        model.refreshStale();
        model.invalidate("observation", null);
        assertEquals(2, model.state().stale(), "which values changed is not known: every answer");
    }

    @Test
    void anAnswerIsComputedAtItsFirstReadThenServedAsHeldUntilTheRefresherComputesItAgain() {
        Map<String, AtomicInteger> computed = new ConcurrentHashMap<>();
        ReadModel<String, String> model = counting(computed, 10, LONG);
        assertEquals("a#1", model.get("a").value());
        assertEquals("a#1", model.get("a").value(), "a second read is a lookup");
        model.invalidate();
        assertEquals("a#1", model.get("a").value(), "a read never computes: it serves what is held meanwhile");
        assertEquals(1, model.state().stale());
        model.refreshStale();
        assertEquals("a#2", model.get("a").value());
        assertEquals(0, model.state().stale());
        model.refreshStale();
        assertEquals(2, computed.get("a").get(), "what did not change is not computed again");
    }

    @Test
    void howFarBehindIsHowLongTheOldestChangeHasWaited() throws InterruptedException {
        ReadModel<String, String> model = counting(new ConcurrentHashMap<>(), 10, LONG);
        model.get("a");
        assertEquals(Duration.ZERO, model.state().behind());
        model.invalidate();
        Thread.sleep(20);
        assertTrue(model.state().behind().toMillis() >= 20, "behind since the change: " + model.state().behind());
        model.refreshStale();
        assertEquals(Duration.ZERO, model.state().behind());
    }

    @Test
    void aRefusedKeyIsNotHeldAndAKeyRefusedLaterIsLetGo() {
        AtomicInteger refuseFrom = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger computations = new AtomicInteger();
        ReadModel<String, String> model = model(key -> {
            if (key.equals("unknown") || computations.incrementAndGet() >= refuseFrom.get()) {
                throw ProblemException.notFound(new Text("No indicator " + key, "Không có chỉ tiêu " + key));
            }
            return key;
        }, 10, LONG);
        assertThrows(ProblemException.class, () -> model.get("unknown"));
        assertEquals(0, model.state().held(), "a refusal is not held: each read of the key is refused anew");
        model.get("a");
        refuseFrom.set(computations.get() + 1);  // the indicator is gone, say
        model.invalidate();
        model.refreshStale();
        assertEquals(0, model.state().held(), "refused now: let go, so the next read gives the refusal");
    }

    @Test
    void aFailureThatMayPassKeepsTheFormerAnswerAndIsTriedAgain() {
        AtomicInteger computations = new AtomicInteger();
        ReadModel<String, String> model = model(key -> {
            int computation = computations.incrementAndGet();
            if (computation == 2) {
                throw new IllegalStateException("the database is away");
            }
            return key + "#" + computation;
        }, 10, LONG);
        assertEquals("a#1", model.get("a").value());
        model.invalidate();
        model.refreshStale();
        assertEquals("a#1", model.get("a").value(), "served as it was");
        assertEquals(1, model.state().stale(), "still to be computed");
        model.refreshStale();
        assertEquals("a#3", model.get("a").value());
    }

    @Test
    void keysNotReadLatelyAreLetGoAndBeyondTheBoundTheLeastRecentlyReadFirst() throws InterruptedException {
        ReadModel<String, String> bounded = counting(new ConcurrentHashMap<>(), 2, LONG);
        bounded.get("a");
        Thread.sleep(2);
        bounded.get("b");
        Thread.sleep(2);
        bounded.get("a");
        Thread.sleep(2);
        bounded.get("c");
        assertEquals(2, bounded.state().held());
        Map<String, AtomicInteger> computed = new ConcurrentHashMap<>();
        ReadModel<String, String> idle = counting(computed, 10, Duration.ofMillis(1));
        idle.get("a");
        Thread.sleep(5);
        idle.refreshStale();
        assertEquals(0, idle.state().held(), "unread for longer than idle: let go, not kept current");
        assertEquals("a#2", idle.get("a").value());
    }

    @Test
    void equalAnswersCarryEqualTagsAndAViewIsMadeOncePerAnswerAndQuery() {
        ReadModel<String, String> one = model(key -> "same", 10, LONG);
        ReadModel<String, String> other = model(key -> "same", 10, LONG);
        assertEquals(one.get("a").etag(), other.get("a").etag(), "a tag over the JSON: the same on every instance");
        assertNotEquals(one.get("a").etag(), model(key -> "changed", 10, LONG).get("a").etag());
        AtomicInteger made = new AtomicInteger();
        ReadModel.Answer<String> answer = one.get("a");
        Function<String, Integer> length = value -> {
            made.incrementAndGet();
            return value.length();
        };
        ReadModel.Answer<Integer> view = answer.view("length", length);
        assertSame(view, answer.view("length", length));
        assertEquals(4, view.value());
        assertEquals(1, made.get());
    }

    @Test
    void anAnswerHeldIsGivenOnTheCallingThreadOneNotHeldIsComputedOnAnother() {
        Map<String, AtomicInteger> computed = new ConcurrentHashMap<>();
        ReadModel<String, String> model = counting(computed, 10, LONG);
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> computedOn = new AtomicReference<>();
        String first = model.answer("a").invoke(() -> computedOn.set(Thread.currentThread())).await().indefinitely().value();
        assertEquals("a#1", first, "a key not held is computed");
        assertNotEquals(caller, computedOn.get(), "on a worker thread: the event loop never waits for a computation");

        AtomicReference<Thread> givenOn = new AtomicReference<>();
        String second = model.answer("a").invoke(() -> givenOn.set(Thread.currentThread())).await().indefinitely().value();
        assertEquals("a#1", second, "the answer held, not computed again");
        assertSame(caller, givenOn.get(), "a held answer is given at once on the calling thread");
    }
}
