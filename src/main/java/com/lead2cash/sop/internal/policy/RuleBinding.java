package com.lead2cash.sop.internal.policy;

import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.Param;
import com.lead2cash.sop.Rule;
import com.lead2cash.sop.TimeBasis;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one mechanism by which a module reads its SOP rules: a record whose components each name a rule
 * parameter of the catalogue ({@code @Rule(GRADING) @Param("minimumBudget") BigDecimal minimumBudget}).
 * The record is checked against the catalogue once per class — unknown rule, unknown parameter, a
 * component without the annotations or of a type the parameter cannot take are refused — and then
 * filled from a policy version through its canonical constructor. String lookups of rule ids live
 * here and nowhere in module code.
 */
final class RuleBinding<R extends Record> {

    private static final ClassValue<RuleBinding<?>> BINDINGS = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected RuleBinding<?> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalStateException(type.getName() + " is not a record: SOP rules bind into records");
            }
            return new RuleBinding(type);
        }
    };

    /** One component: which parameter fills it and how its value is converted. */
    private record Slot(String rule, String param, Conversion conversion) {
    }

    private enum Conversion { AS_IS, CALENDAR_DURATION, SET }

    private final Class<R> type;
    private final Constructor<R> constructor;
    private final List<Slot> slots;

    @SuppressWarnings("unchecked")
    static <R extends Record> RuleBinding<R> of(Class<R> type) {
        return (RuleBinding<R>) BINDINGS.get(type);
    }

    private RuleBinding(Class<R> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        List<Slot> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            parameterTypes[i] = c.getType();
            Rule rule = c.getAnnotation(Rule.class);
            Param param = c.getAnnotation(Param.class);
            if (rule == null || param == null) {
                problems.add(c.getName() + " names no @Rule and @Param");
                continue;
            }
            var def = RuleCatalog.find(rule.value()).flatMap(r -> r.param(param.value())).orElse(null);
            if (def == null) {
                problems.add(c.getName() + ": the catalogue has no parameter " + rule.value() + "." + param.value());
                continue;
            }
            Conversion conversion = conversion(def.type(), c.getType(), c.getGenericType());
            if (conversion == null) {
                problems.add(c.getName() + ": " + rule.value() + "." + param.value() + " is a " + def.type()
                        + " and cannot be read as " + c.getGenericType().getTypeName());
                continue;
            }
            found.add(new Slot(rule.value(), param.value(), conversion));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("SOP rules record " + type.getName() + " does not fit the rule catalogue: "
                    + String.join("; ", problems));
        }
        try {
            this.constructor = type.getDeclaredConstructor(parameterTypes);
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        this.slots = List.copyOf(found);
    }

    /** How a parameter of this kind becomes a value of the component's type; null when it cannot. */
    private static Conversion conversion(ParamType kind, Class<?> raw, Type generic) {
        return switch (kind) {
            case DURATION -> raw == DeadlineWindow.class ? Conversion.AS_IS
                    : raw == Duration.class ? Conversion.CALENDAR_DURATION : null;
            case TIME_OF_DAY -> raw == LocalTime.class ? Conversion.AS_IS : null;
            case WEEKDAY -> raw == DayOfWeek.class ? Conversion.AS_IS : null;
            case MONEY, PERCENT -> raw == BigDecimal.class ? Conversion.AS_IS : null;
            case INTEGER -> raw == int.class || raw == Integer.class ? Conversion.AS_IS : null;
            case BOOLEAN -> raw == boolean.class || raw == Boolean.class ? Conversion.AS_IS : null;
            case LIST -> !elementsAre(generic, String.class) ? null
                    : raw == List.class ? Conversion.AS_IS : raw == Set.class ? Conversion.SET : null;
            case FRACTIONS -> raw == List.class && elementsAre(generic, Double.class) ? Conversion.AS_IS : null;
        };
    }

    private static boolean elementsAre(Type generic, Class<?> element) {
        return generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] == element;
    }

    R bind(PolicyVersion version) {
        Object[] args = new Object[slots.size()];
        for (int i = 0; i < args.length; i++) {
            Slot slot = slots.get(i);
            Object value = version.raw(slot.rule(), slot.param());
            args[i] = switch (slot.conversion()) {
                case AS_IS -> value;
                case SET -> Set.copyOf(new LinkedHashSet<>((List<?>) value));
                case CALENDAR_DURATION -> calendarLength(slot, (DeadlineWindow) value);
            };
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("SOP rules record " + type.getName() + " refused policy version "
                    + version.version(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A window read as a plain length must count calendar time: working hours cannot be a fixed length. */
    private static Duration calendarLength(Slot slot, DeadlineWindow w) {
        if (w.basis() != TimeBasis.CALENDAR) {
            throw new IllegalStateException(slot.rule() + "." + slot.param() + " counts " + w.basis()
                    + " time and cannot be read as a plain duration");
        }
        long n = w.duration().amount();
        return switch (w.duration().unit()) {
            case MINUTES -> Duration.ofMinutes(n);
            case HOURS -> Duration.ofHours(n);
            case DAYS -> Duration.ofDays(n);
        };
    }
}
