package com.lead2cash.sop.internal.deadline;

import com.lead2cash.platform.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SOP deadlines over the API, within the caller's data scope. */
@RestController
@RequestMapping("/api/v1/deadlines")
@Tag(name = "Deadlines", description = "SOP deadlines: due, met, breached, cancelled")
class DeadlineApiController {

    record DeadlineDto(UUID id, String rule, String subjectType, String subjectId, UUID ownerId, OffsetDateTime dueAt,
                       String state, OffsetDateTime startedAt, OffsetDateTime metAt, OffsetDateTime breachedAt,
                       long policyVersion,
                       @io.swagger.v3.oas.annotations.media.Schema(description = "Breached, met after its due time, or "
                               + "open past it (a deadline met late may be MET without ever having been BREACHED)")
                       boolean late) {
    }

    record Page(List<DeadlineDto> items, String nextCursor) {
    }

    private final DeadlineQueries queries;

    DeadlineApiController(DeadlineQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Deadlines by due time; scope=mine for one's own, team (default) for the whole data scope")
    Page list(@RequestParam(required = false) String rule,
              @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"OPEN", "MET", "BREACHED", "CANCELLED"})) @RequestParam(required = false) String state,
              @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) OffsetDateTime dueBefore,
              @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"mine", "team"}), description = "default: team") @RequestParam(required = false) String scope,
              @RequestParam(required = false) String cursor,
              @RequestParam(required = false) Integer size) {
        java.time.Instant now = queries.now();
        CursorPage<DeadlineQueries.Row> page = queries.list(new DeadlineQueries.Filter(rule, state, ownerId,
                dueBefore == null ? null : dueBefore.toInstant(), scope), cursor, size);
        return new Page(page.items().stream().map(r -> new DeadlineDto(r.id(), r.rule(), r.subjectType(), r.subjectId(),
                r.ownerId(), utc(r.dueAt()), r.state(), utc(r.startedAt()), utc(r.metAt()), utc(r.breachedAt()),
                r.policyVersion(), r.lateAt(now))).toList(), page.nextCursor());
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
