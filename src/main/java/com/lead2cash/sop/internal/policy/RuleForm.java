package com.lead2cash.sop.internal.policy;

import com.lead2cash.platform.BadRequestException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.sop.BusinessDuration;
import com.lead2cash.sop.BusinessUnit;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.TimeBasis;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.util.MultiValueMap;

/**
 * A rule's change form as posted, read by each parameter's type: a weekday chosen in a select ({@code p.day}), a
 * duration as a number, a unit and a time basis ({@code p.window.amount}, {@code .unit}, {@code .basis}), a list of
 * choices as ticked checkboxes ({@code p.reviewers}, once per choice), any other value as typed ({@code p.time}).
 * The changes are written in the stored text, as the API takes them; a choice none of those offered was not made on
 * the form and is refused (400).
 */
public final class RuleForm {

    /** One parameter's input as the form shows it: its text or chosen code, a duration's parts, the choices ticked. */
    public record ParamInput(String text, String amount, String unit, String basis, Set<String> chosen) {

        /** The input showing a stored value. */
        static ParamInput of(RuleCatalog.ParamDef param, String stored) {
            if (param.type() == ParamType.DURATION) {
                DeadlineWindow w = (DeadlineWindow) param.type().parse(stored, null);
                return new ParamInput(stored, String.valueOf(w.duration().amount()), w.duration().unit().name(),
                        w.basis().name(), Set.of());
            }
            if (isChoiceList(param)) {
                Set<String> chosen = new LinkedHashSet<>();
                ((List<?>) param.type().parse(stored, null)).forEach(c -> chosen.add(String.valueOf(c)));
                return new ParamInput(stored, null, null, null, chosen);
            }
            return new ParamInput(stored, null, null, null, Set.of());
        }
    }

    private final Map<String, ParamInput> inputs;
    private final List<PolicyService.Change> changes;
    private final List<FieldError> refusals;

    private RuleForm(Map<String, ParamInput> inputs, List<PolicyService.Change> changes, List<FieldError> refusals) {
        this.inputs = inputs;
        this.changes = changes;
        this.refusals = refusals;
    }

    /** Reads every parameter of the rule; an unchecked switch posts nothing, which means off. */
    public static RuleForm read(RuleCatalog.RuleDef rule, MultiValueMap<String, String> form) {
        Map<String, ParamInput> inputs = new LinkedHashMap<>();
        List<PolicyService.Change> changes = new ArrayList<>();
        List<FieldError> refusals = new ArrayList<>();
        for (RuleCatalog.ParamDef p : rule.params()) {
            String name = "p." + p.name();
            String field = rule.id() + "." + p.name();
            ParamInput input;
            String text;
            if (p.type() == ParamType.DURATION) {
                String amount = first(form, name + ".amount").strip();
                String unit = offered(form, name + ".unit", names(BusinessUnit.values()));
                String basis = offered(form, name + ".basis", names(TimeBasis.values()));
                input = new ParamInput(null, amount, unit, basis, Set.of());
                text = "";
                if (amount.isEmpty()) {
                    refusals.add(new FieldError(field, "policy.error.required"));
                } else if (amount.matches("-\\d+")) {
                    // a whole number, but a window that ends before it starts
                    refusals.add(new FieldError(field, "policy.error.windowZero"));
                } else if (!amount.chars().allMatch(Character::isDigit)) {
                    refusals.add(new FieldError(field, "policy.error.integer", amount));
                } else {
                    // a number past what a long holds is still a number: the policy refuses it as too long a window
                    long n = new BigInteger(amount).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
                    text = ParamType.DURATION.format(new DeadlineWindow(
                            new BusinessDuration(n, BusinessUnit.valueOf(unit)), TimeBasis.valueOf(basis)));
                }
            } else if (p.type() == ParamType.WEEKDAY) {
                text = offered(form, name, names(DayOfWeek.values()));
                input = new ParamInput(text, null, null, null, Set.of());
            } else if (isChoiceList(p)) {
                List<String> ticked = form.getOrDefault(name, List.of());
                ticked.forEach(c -> requireOffered(name, c, p.choices()));
                // in the catalogue's order, so that the same choices always read the same
                List<String> chosen = p.choices().stream().filter(ticked::contains).toList();
                text = String.join(", ", chosen);
                input = new ParamInput(text, null, null, null, new LinkedHashSet<>(chosen));
            } else {
                text = form.containsKey(name) ? first(form, name) : p.type() == ParamType.BOOLEAN ? "false" : "";
                input = new ParamInput(text, null, null, null, Set.of());
            }
            inputs.put(p.name(), input);
            changes.add(new PolicyService.Change(rule.id(), p.name(), text));
        }
        return new RuleForm(inputs, changes, refusals);
    }

    /** What the form shows again for each parameter, as chosen or typed. */
    public Map<String, ParamInput> inputs() {
        return inputs;
    }

    /**
     * The changes asked for, in the stored text.
     *
     * @throws FieldValidationException when the form holds a value it could not read (a duration's number), field by field
     */
    public List<PolicyService.Change> changes() {
        if (!refusals.isEmpty()) {
            throw new FieldValidationException(refusals);
        }
        return changes;
    }

    /**
     * The changes asked for, as {@link #changes()}; when the form holds a value it could not read, the others are
     * checked too ({@code check} refuses them as a change would, storing nothing) and every refused parameter is
     * named at once, not only those the form could not read.
     *
     * @throws FieldValidationException when any value is refused, field by field
     */
    public List<PolicyService.Change> changes(Consumer<List<PolicyService.Change>> check) {
        if (refusals.isEmpty()) {
            return changes;
        }
        Set<String> unread = new HashSet<>();
        refusals.forEach(r -> unread.add(r.field()));
        List<FieldError> errors = new ArrayList<>(refusals);
        try {
            check.accept(changes.stream().filter(c -> !unread.contains(c.rule() + "." + c.parameter())).toList());
        } catch (FieldValidationException e) {
            // "nothing changed" is no refusal of a value: the values the form could not read are changes
            e.errors().stream().filter(f -> !"changes".equals(f.field())).forEach(errors::add);
        }
        throw new FieldValidationException(errors);
    }

    /**
     * The refusals as the form says them: "name at least one of LEGAL, FINANCE, …" lists the codes the API is written
     * in, while the form offers those choices as labelled checkboxes, so there it asks to tick one.
     */
    public static List<FieldError> onTheForm(List<FieldError> errors) {
        return errors.stream().map(e -> "policy.error.oneOrMoreChoices".equals(e.messageKey())
                ? new FieldError(e.field(), "policy.error.tickOneOrMore") : e).toList();
    }

    static boolean isChoiceList(RuleCatalog.ParamDef param) {
        return param.type() == ParamType.LIST && !param.choices().isEmpty();
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static String offered(MultiValueMap<String, String> form, String name, List<String> offered) {
        String value = form.getFirst(name);
        requireOffered(name, value, offered);
        return value;
    }

    private static void requireOffered(String name, String value, List<String> offered) {
        if (value == null || !offered.contains(value)) {
            throw new BadRequestException(name, "error.input.unknownChoice", name);
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
