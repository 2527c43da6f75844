package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.nangsuat.plan.api.PlanFixtures.bacKanPlan;
import static vn.nangsuat.plan.api.PlanFixtures.drafted;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.events.CloudEvent;
import vn.nangsuat.kit.testing.TestEvents;
import vn.nangsuat.kit.testing.TestTokens;
import vn.nangsuat.plan.events.IndicatorEventsHandler;

/**
 * Two instances of plan-service consume at once: each applies its partition's events in transactions of its own, as the
 * handler's two transactions here do (started together at a barrier, a failed one tried again as a consumer does). Round
 * after round, each target ends with the progress the final values give: when the two parts of a ratio change at once
 * (on different partitions), and when a target is set while a value of its series changes.
 */
@QuarkusTest
class ProgressUnderConcurrencyTest extends WithBacKanAndThaiNguyen {

    static final String OUTPUT = "TEST_RACE_GRDP";
    static final String EMPLOYED = "TEST_RACE_WORKERS";
    static final String PER_WORKER = "TEST_RACE_LP";
    /** Bắc Kạn, whose plan runs to 2025; its values up to 2024 are its own (it joined Thái Nguyên in July 2025). */
    static final String UNIT = "06";
    /** Rounds of each race; without the locks, a target set while its series changed kept a stale progress in round 1. */
    static final int ROUNDS = 20;
    static final int STEPS = 5;

    @Inject
    IndicatorEventsHandler handler;

    @Inject
    ObjectMapper json;

    private final ExecutorService twoConsumers = Executors.newFixedThreadPool(2);
    private int revision = 1;

    @BeforeEach
    void knowTheIndicators() throws SQLException {
        IndicatorFeed.define(OUTPUT, "HIGHER", "ADDITIVE");
        IndicatorFeed.define(EMPLOYED, "NEUTRAL", "ADDITIVE");
        IndicatorFeed.define(PER_WORKER, "HIGHER", "RATIO", OUTPUT, EMPLOYED);
        IndicatorFeed.known(dataSource, OUTPUT, EMPLOYED, PER_WORKER);
        apply(OUTPUT, "2023", 1000);
        apply(EMPLOYED, "2023", 10);
    }

    @AfterEach
    void stop() {
        twoConsumers.shutdownNow();
    }

    @Test
    void thePartsOfOneRatioChangedAtOnceLeaveTheProgressOfBoth() throws Exception {
        long plan = drafted(bacKanPlan());
        long target = setTarget(plan).then().statusCode(201).extract().jsonPath().getLong("id");
        for (int round = 1; round <= ROUNDS; round++) {
            // Output and workers grow step by step, each on its consumer: their ratio is 100 at each step, any mix of two
            // steps is not, so only a progress computed from both last values says 100.
            int base = round * STEPS;
            atOnce(() -> {
                for (int step = 1; step <= STEPS; step++) {
                    apply(OUTPUT, "2024", 1000 * (base + step));
                }
            }, () -> {
                for (int step = 1; step <= STEPS; step++) {
                    apply(EMPLOYED, "2024", 10 * (base + step));
                }
            });
            assertEquals(0, new BigDecimal("100").compareTo(latestValue(plan, target)),
                    "round " + round + ": the last values' ratio is 100, the progress says " + latestValue(plan, target));
        }
    }

    @Test
    void aTargetSetWhileAValueOfItsSeriesChangesStartsFromTheFinalValue() throws Exception {
        apply(EMPLOYED, "2024", 10);
        for (int round = 1; round <= ROUNDS; round++) {
            long plan = drafted(bacKanPlan());
            int output = 1100 + round;
            List<Long> set = new ArrayList<>();
            atOnce(() -> {
                Response created = setTarget(plan);
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("the target was refused: " + created.asString());
                }
                set.add(created.jsonPath().getLong("id"));
            }, () -> apply(OUTPUT, "2024", output));
            assertEquals(0, BigDecimal.valueOf(output).movePointLeft(1).compareTo(latestValue(plan, set.get(0))),
                    "round " + round + ": " + output + " / 10, the progress says " + latestValue(plan, set.get(0)));
        }
    }

    private static Response setTarget(long plan) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("indicator", PER_WORKER, "kind", "GROWTH", "baselineYear", 2023, "targetYear", 2025,
                        "targetValue", 7))
                .when().post("/api/v1/plans/{id}/targets", plan);
    }

    private static BigDecimal latestValue(long plan, long target) {
        return given().when().get("/api/v1/plans/{plan}/targets/{target}", plan, target).then().statusCode(200)
                .extract().jsonPath().getObject("progress.latestValue", BigDecimal.class);
    }

    /** A value's next revision, applied by the handler in a transaction of its own, as a consumer applies one event. */
    private void apply(String indicator, String period, int value) {
        CloudEvent event;
        try {
            event = json.readValue(IndicatorFeed.valueChanged(TestEvents.newId(), UNIT, indicator, period,
                    Integer.toString(value), nextRevision()), CloudEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                handler.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private synchronized int nextRevision() {
        return ++revision;
    }

    /** Both at the same moment, each tried again after a failure (a deadlock the database broke), as consumers do. */
    private void atOnce(Runnable first, Runnable second) throws Exception {
        CountDownLatch start = new CountDownLatch(2);
        List<CompletableFuture<Void>> both = new ArrayList<>();
        for (Runnable work : List.of(first, second)) {
            both.add(CompletableFuture.runAsync(() -> retried(() -> {
                start.countDown();
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                work.run();
                return null;
            }), twoConsumers));
        }
        CompletableFuture.allOf(both.toArray(CompletableFuture[]::new)).get();
    }

    private static <T> T retried(Supplier<T> work) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }
}
