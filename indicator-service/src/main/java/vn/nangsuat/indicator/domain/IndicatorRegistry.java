package vn.nangsuat.indicator.domain;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import vn.nangsuat.http.Text;
import vn.nangsuat.indicator.events.IndicatorEvents;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.rules.Aggregation;
import vn.nangsuat.rules.OverTime;
import vn.nangsuat.rules.Prices;

/**
 * The admin's changes to the catalogue: each is one transaction that writes the definition and its event (through
 * the outbox), or nothing. How an indicator combines (its aggregation, parts and periodicity) is fixed when it is
 * defined: values already recorded were read that way, so a different meaning is a new indicator.
 */
@ApplicationScoped
@Transactional
public class IndicatorRegistry {

    /** The corrections an admin may make to a definition; a null field keeps its value. */
    public record Correction(String name, String nameVi, String unit, Integer decimals, Direction better,
            String description) {
    }

    /** A definition written, with its ETag after the write. */
    public record Written(IndicatorDefinition definition, String etag) {
    }

    private final IndicatorDefinitionRepository definitions;
    private final IndicatorEvents events;

    public IndicatorRegistry(IndicatorDefinitionRepository definitions, IndicatorEvents events) {
        this.definitions = definitions;
        this.events = events;
    }

    public Written define(IndicatorDefinition definition) {
        if (definitions.findByIdOptional(definition.code).isPresent()) {
            throw ProblemException.conflict(new Text(
                    "Indicator " + definition.code + " is already defined: correct it instead",
                    "Chỉ tiêu " + definition.code + " đã được định nghĩa: hãy sửa định nghĩa đó thay vì định nghĩa"
                            + " lại"));
        }
        checkCombination(definition);
        definition.announced = true;
        // The primary key refuses a concurrent definition of the same code that passed this check too (409).
        definitions.persistAndFlush(definition);
        events.defined(definition);
        return new Written(definition, definition.etag());
    }

    public Written correct(String code, Correction correction, String ifMatch) {
        IndicatorDefinition definition = definitions.findForUpdate(code)
                .orElseThrow(() -> ProblemException.notFound(new Text("No indicator has code " + code,
                        "Không có chỉ tiêu nào có mã " + code)));
        Preconditions.requireMatch(ifMatch, definition.etag());
        IndicatorDefinition previous = definition.copy();
        definition.name = Objects.requireNonNullElse(correction.name(), definition.name);
        definition.nameVi = Objects.requireNonNullElse(correction.nameVi(), definition.nameVi);
        definition.unit = Objects.requireNonNullElse(correction.unit(), definition.unit);
        definition.decimals = Objects.requireNonNullElse(correction.decimals(), definition.decimals);
        definition.better = Objects.requireNonNullElse(correction.better(), definition.better);
        definition.description = Objects.requireNonNullElse(correction.description(), definition.description);
        if (definition.sameAs(previous)) {
            throw ProblemException.invalid("body", new Text(
                    "changes nothing: every field given equals the definition's",
                    "không thay đổi gì: mọi trường đã gửi đều bằng giá trị hiện có của định nghĩa"));
        }
        definitions.flush();
        events.changed(previous, definition);
        return new Written(definition, definition.etag());
    }

    /**
     * Announces, once, each definition indicator.events has never carried: those seeded by migrations. A replica of
     * the catalogue (plan-service's) then learns every definition from the topic alone.
     */
    void announceOnStart(@Observes StartupEvent start) {
        announceUnannounced();
    }

    public void announceUnannounced() {
        List<IndicatorDefinition> unannounced = definitions.unannouncedForUpdate();
        unannounced.forEach(events::defined);
        definitions.markAnnounced(unannounced);
    }

    /** The parts a combination needs, and only those, each defined and able to play its part. */
    private void checkCombination(IndicatorDefinition definition) {
        boolean ratio = definition.aggregation == Aggregation.RATIO;
        boolean growth = definition.aggregation == Aggregation.GROWTH;
        requirePart("numerator", definition.numeratorCode, ratio, definition);
        requirePart("denominator", definition.denominatorCode, ratio, definition);
        requirePart("base", definition.baseCode, growth, definition);
        if (ratio && definition.numeratorCode.equals(definition.denominatorCode)) {
            throw ProblemException.invalid("denominator", new Text("must differ from the numerator",
                    "phải khác numerator"));
        }
        if (definition.aggregation != Aggregation.ADDITIVE && definition.overTime == OverTime.FLOW) {
            throw ProblemException.invalid("overTime", new Text("must be STOCK for a " + definition.aggregation
                    + " indicator: its value belongs to its own period and is never summed over time",
                    "phải là STOCK đối với chỉ tiêu " + definition.aggregation + ": giá trị của nó thuộc về chính kỳ"
                    + " của nó và không bao giờ được cộng dồn theo thời gian"));
        }
    }

    private void requirePart(String field, String code, boolean needed, IndicatorDefinition whole) {
        if (!needed) {
            if (code != null) {
                throw ProblemException.invalid(field, new Text(
                        "must be absent for a " + whole.aggregation + " indicator",
                        "phải bỏ trống đối với chỉ tiêu " + whole.aggregation));
            }
            return;
        }
        if (code == null) {
            throw ProblemException.invalid(field, new Text("is required for a " + whole.aggregation + " indicator",
                    "là bắt buộc đối với chỉ tiêu " + whole.aggregation));
        }
        IndicatorDefinition part = definitions.findByIdOptional(code)
                .orElseThrow(() -> ProblemException.invalid(field, new Text("names no defined indicator: " + code,
                        "không ứng với chỉ tiêu nào đã được định nghĩa: " + code)));
        if (whole.aggregation == Aggregation.RATIO && part.aggregation != Aggregation.ADDITIVE) {
            throw ProblemException.invalid(field, new Text(code + " is " + part.aggregation
                    + ": a ratio divides additive indicators", code + " là " + part.aggregation
                    + ": một tỷ lệ chỉ chia các chỉ tiêu cộng được"));
        }
        if (whole.aggregation == Aggregation.GROWTH && part.aggregation == Aggregation.REPORTED) {
            throw ProblemException.invalid(field, new Text(
                    code + " is taken as reported: no growth can be derived from it",
                    code + " được lấy nguyên theo số báo cáo: không thể suy ra tăng trưởng từ nó"));
        }
        if (whole.aggregation == Aggregation.GROWTH && !Prices.growthComparable(part.prices)) {
            throw ProblemException.invalid(field, new Text(Prices.whyNoGrowth(code), Prices.whyNoGrowthInVietnamese(code)));
        }
        if (part.periodicity != whole.periodicity) {
            throw ProblemException.invalid(field, new Text(code + " is published per " + part.periodicity + ", not per "
                    + whole.periodicity, code + " được công bố theo " + part.periodicity + ", không phải theo "
                    + whole.periodicity));
        }
    }
}
