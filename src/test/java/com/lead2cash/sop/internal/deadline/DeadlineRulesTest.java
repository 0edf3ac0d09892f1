package com.lead2cash.sop.internal.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.sop.internal.policy.RuleCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deadline list's rule filter (/deadlines) offers exactly the rules under which the modules start deadlines:
 * read from every call of {@code Deadlines.open}, {@code openUntil}, {@code openUntilForNew} and {@code recordMet}.
 */
class DeadlineRulesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern START = Pattern.compile(
            "deadlines\\s*\\.\\s*(?:open|openUntil|openUntilForNew|recordMet)\\(\\s*([^,]+?)\\s*,");
    private static final Pattern CONSTANT = Pattern.compile("(\\w+)\\.([A-Z][A-Z0-9_]*)");

    /** Rule ids a call passes through a variable, and the constants that variable carries. */
    private static final Map<String, List<String>> CARRIED = Map.of(
            // a customer's cadence by its pursuit mode (PursuitMode)
            "change.rule()", List.of("CustomerRules.DEVELOPMENT_CADENCE", "CustomerRules.PURSUIT_CADENCE"),
            // an approval step's SLA: the contract review's (ContractReviews); the other flows have none
            "opened.slaRuleId()", List.of("ContractRules.REVIEW"));

    @Test
    void theFilterListsEveryRuleDeadlinesAreStartedUnderAndNoOther() throws IOException {
        Set<String> started = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Matcher m = START.matcher(read(f));
                while (m.find()) {
                    String argument = m.group(1);
                    List<String> constants = CARRIED.getOrDefault(argument, List.of(argument));
                    constants.forEach(c -> started.add(resolve(c, f)));
                }
            });
        }
        assertThat(started).as("the calls were found").contains("L1", "C2", "S1");
        assertThat(RuleCatalog.deadlineRules().stream().map(RuleCatalog.RuleDef::id))
                .containsExactlyInAnyOrderElementsOf(started);
    }

    /** The value of a constant such as {@code LeadRules.SCREENING}, read from its class's source. */
    private static String resolve(String constant, Path caller) {
        Matcher m = CONSTANT.matcher(constant);
        assertThat(m.matches()).as("%s passes a rule id this test does not know: %s (add it to CARRIED)",
                caller, constant).isTrue();
        Pattern value = Pattern.compile("String\\s+" + m.group(2) + "\\s*=\\s*([^;]+);");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            String expression = files.filter(f -> f.getFileName().toString().equals(m.group(1) + ".java"))
                    .map(f -> value.matcher(read(f))).filter(Matcher::find).map(v -> v.group(1).strip())
                    .findFirst().orElseThrow(() -> new AssertionError("no value for " + constant + " in " + caller));
            // a literal, or another class's constant (ActivityRules.LOGGED = ...CustomerRules.CONTACT_LOGGED)
            return expression.startsWith("\"") ? expression.substring(1, expression.length() - 1)
                    : resolve(expression.replaceAll("^(?:[a-z]\\w*\\.)+", ""), caller);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
