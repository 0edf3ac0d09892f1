package com.lead2cash.sop;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Lets the module that grades and routes work by SOP rules replay its recent decisions under proposed
 * policy values, for the policy change's 90-day replay (SPEC §2): the engine knows no module's concepts, so
 * the module answers what would have been decided otherwise, beside what was. A module contributes one bean
 * for the rules it decides; the engine asks it only about a change of one of {@link #rules()}. It reads,
 * never writes, and answers from a few set-based queries over the period.
 */
public interface RoutingReplay {

    /** The rule ids whose values this replay decides (e.g. lead grading and routing by grade). */
    Set<String> rules();

    /**
     * What the module decided for work that began in {@code [from, to]}, decided again under {@code proposed}
     * ({@code current} is the policy in force now). Texts are bundle keys of the contributing module.
     */
    Outcome replay(String ruleId, PolicySnapshot current, PolicySnapshot proposed, Instant from, Instant to);

    /**
     * The replay's answer: {@code scopeKey} (its arguments as text) says what was replayed and from which stored
     * facts (shown on the page as is), {@code replayed} how many records, {@code tallies} the counts side by side, {@code changes}
     * how many would be decided otherwise, {@code moved} a bounded list of those, newest first.
     */
    record Outcome(String scopeKey, List<String> scopeArgs, long replayed, List<Tally> tallies, List<Tally> changes,
                   List<Moved> moved) {

        public Outcome {
            scopeArgs = List.copyOf(scopeArgs);
            tallies = List.copyOf(tallies);
            changes = List.copyOf(changes);
            moved = List.copyOf(moved);
        }
    }

    /** One count as it happened ({@code actual}) and under the proposed values; {@code labelKey} a bundle key. */
    record Tally(String labelKey, long actual, long proposed) {
    }

    /** One record decided otherwise: its label and link (as {@link SubjectDescriber} gives them), from → to as bundle keys. */
    record Moved(String label, String link, Instant at, String fromKey, String toKey) {
    }
}
