package vn.nangsuat.indicator.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;
import vn.nangsuat.indicator.events.ObservationEvents;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.security.ProvinceScope;
import vn.nangsuat.kit.web.ParamConverters;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.rules.ObservationStatus;
import vn.nangsuat.rules.Period;

/**
 * The values of indicators per unit and period, and their revisions. Each write is one transaction that adds a
 * revision, marks the one it supersedes and publishes the change (through the outbox), or does nothing. Nothing is
 * overwritten: a correction is the next revision, a deletion a revision without a value.
 */
@ApplicationScoped
@Transactional
public class ObservationRegistry {

    /** What a write says of a value. */
    public record Value(BigDecimal value, ObservationStatus status, String source, String note) {
    }

    /** A revision written; `created` when the unit had no value for the period before (or only a deleted one). */
    public record Written(Observation observation, boolean created) {
    }

    private final ObservationRepository observations;
    private final IndicatorCatalog indicators;
    private final ProvinceReplica units;
    private final ProvinceScope scope;
    private final ObservationEvents events;
    private final SettledInstant settled;

    public ObservationRegistry(ObservationRepository observations, IndicatorCatalog indicators, ProvinceReplica units,
            ProvinceScope scope, ObservationEvents events, SettledInstant settled) {
        this.observations = observations;
        this.indicators = indicators;
        this.units = units;
        this.scope = scope;
        this.events = events;
        this.settled = settled;
    }

    public Written record(String unit, String indicatorCode, String periodText, Value value, String ifMatch,
            String recordedBy) {
        IndicatorDefinition indicator = indicators.definition(indicatorCode);
        Period period = indicator.period(periodText);
        scope.requireWrite(unit, period.lastDay());
        new UnitsInForce(units).require(unit, period);
        indicator.requireValue(value.value());
        observations.passWriteGate();
        Optional<Observation> current = observations.currentForUpdate(unit, indicatorCode, period);
        requireMatch(current, ifMatch);
        Observation next = next(current, unit, indicatorCode, period, recordedBy);
        next.value = value.value();
        next.status = value.status();
        next.source = value.source();
        next.note = value.note();
        observations.persistAndFlush(next);
        events.changed(next);
        return new Written(next, current.map(Observation::deleted).orElse(true));
    }

    /** Deletes the value: a revision without one, so history and asOf still show what it was. */
    public Observation delete(String unit, String indicatorCode, String periodText, String ifMatch, String recordedBy) {
        Period period = indicators.definition(indicatorCode).period(periodText);
        scope.requireWrite(unit, period.lastDay());
        observations.passWriteGate();
        Optional<Observation> current = observations.currentForUpdate(unit, indicatorCode, period)
                .filter(observation -> !observation.deleted());
        if (current.isEmpty()) {
            throw ProblemException.notFound(new Text("No value of " + indicatorCode + " for " + unit + " in " + period,
                    "Không có giá trị " + indicatorCode + " của đơn vị " + unit + " trong kỳ " + period));
        }
        requireMatch(current, ifMatch);
        Observation tombstone = next(current, unit, indicatorCode, period, recordedBy);
        observations.persistAndFlush(tombstone);
        events.changed(tombstone);
        return tombstone;
    }

    /** The value as it stood at the instant (now when null); not found when there was none, or it was deleted. */
    public Observation value(String unit, String indicatorCode, String periodText, Instant asOf) {
        Period period = indicators.definition(indicatorCode).period(periodText);
        Observation value = observations.asOf(unit, indicatorCode, period, settled.readAt(asOf))
                .filter(observation -> !observation.deleted())
                .orElseThrow(() -> ProblemException.notFound(new Text(
                        "No value of " + indicatorCode + " for " + unit + " in " + period
                                + (asOf != null ? " as of " + asOf : ""),
                        "Không có giá trị " + indicatorCode + " của đơn vị " + unit + " trong kỳ " + period
                                + (asOf != null ? " tại thời điểm " + asOf : ""))));
        observations.fillSuperseded(List.of(value));
        return value;
    }

    /**
     * A unit's values of the indicators in a range of periods (either end open), as they stand or stood at an instant
     * (now when null), sorted by indicator then period, each with when it was superseded. A range in another form than
     * a value's periods still selects by days: from 2021Q3 starts with the periods that begin on or after 1 July 2021.
     */
    public List<Observation> series(String unit, List<String> indicatorCodes, Optional<Period> from, Optional<Period> to,
            Instant asOf) {
        List<String> codes = indicatorCodes.stream().distinct().toList();
        codes.forEach(indicators::definition);
        if (from.isPresent() && to.isPresent() && to.get().lastDay().isBefore(from.get().firstDay())) {
            Period first = from.get();
            throw ProblemException.invalid("to", new Text("must not be before from (" + first + ")",
                    "không được trước from (" + first + ")"));
        }
        Comparator<Observation> order = Comparator.comparing((Observation o) -> o.id.indicatorCode())
                .thenComparing(Observation::period);
        List<Observation> values = observations.valuesAsOf(unit, codes, settled.readAt(asOf)).stream()
                .filter(o -> from.isEmpty() || !o.period().firstDay().isBefore(from.get().firstDay()))
                .filter(o -> to.isEmpty() || !o.period().lastDay().isAfter(to.get().lastDay()))
                .sorted(order).toList();
        observations.fillSuperseded(values);
        return values;
    }

    /** One end of a range of periods, in any form (2021, 2021Q3, 2021-07); empty when not given. */
    public static Optional<Period> rangeEnd(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Period.parse(text).orElseThrow(() -> {
            String given = ParamConverters.shorten(text);
            return ProblemException.invalid(field, new Text("must be a period such as 2021, 2021Q1 or 2021-01, not '"
                    + given + "'", "phải là một kỳ, ví dụ 2021, 2021Q1 hoặc 2021-01, không phải '" + given + "'"));
        }));
    }

    /** Every revision, oldest first, deletions included. */
    public List<Observation> history(String unit, String indicatorCode, String periodText) {
        Period period = indicators.definition(indicatorCode).period(periodText);
        List<Observation> revisions = observations.history(unit, indicatorCode, period);
        if (revisions.isEmpty()) {
            throw ProblemException.notFound(new Text("No value of " + indicatorCode + " for " + unit + " in " + period
                    + " was ever recorded", "Chưa từng ghi nhận giá trị " + indicatorCode + " nào của đơn vị " + unit
                    + " trong kỳ " + period));
        }
        for (int i = 0; i + 1 < revisions.size(); i++) {
            revisions.get(i).supersededAt = revisions.get(i + 1).recordedAt;
        }
        return revisions;
    }

    /** The next revision after the current one, which it supersedes from its instant. */
    private Observation next(Optional<Observation> current, String unit, String indicator, Period period,
            String recordedBy) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Observation next = new Observation();
        next.id = new Observation.Id(unit, indicator, period.toString(), current.map(o -> o.id.revision() + 1).orElse(1));
        next.recordedBy = recordedBy;
        next.recordedAt = now;
        return next;
    }

    private static void requireMatch(Optional<Observation> current, String ifMatch) {
        Optional<Observation> live = current.filter(observation -> !observation.deleted());
        if (live.isPresent()) {
            Preconditions.requireMatch(ifMatch, live.get().etag());
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    new Text("If-Match was sent but there is no value to match: leave it out to record the first one",
                            "Đã gửi If-Match nhưng không có giá trị nào để so khớp: hãy bỏ If-Match để ghi giá trị"
                                    + " đầu tiên"),
                    List.of());
        }
    }
}
