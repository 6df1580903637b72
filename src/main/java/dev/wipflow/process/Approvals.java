package dev.wipflow.process;

import dev.wipflow.run.RunContext;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.store.EventStore;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person approves a product in {@code review} as it is: its row is finalized {@code ready} in the sheet (one write)
 * and the product becomes {@code ready}. The product is leased while that happens, as a run would hold it.
 */
public final class Approvals {
    private final WipStore wips;
    private final EventStore events;
    private final ProductSheet sheet;
    private final Duration lease;
    private final Clock clock;

    public Approvals(WipStore wips, EventStore events, ProductSheet sheet, Duration lease, Clock clock) {
        this.wips = wips;
        this.events = events;
        this.sheet = sheet;
        this.lease = lease;
        this.clock = clock;
    }

    public WipProduct approve(String collection, long id) {
        WipProduct p = wips.get(collection, id)
                .orElseThrow(() -> DomainException.notFound("no product " + id + " in " + collection));
        if (p.status() != Status.REVIEW) throw notInReview(p);
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        WipProduct held = wips.claimReview(collection, id, token, now.plus(lease), now)
                .orElseThrow(() -> notInReview(wips.get(collection, id).orElse(p)));
        RunContext ctx = RunContext.unbounded();
        Map<String, String> row;
        try {
            row = sheet.finalizeRow(collection, held.rowNum(), Status.READY.id(), ctx);
        } catch (RuntimeException e) {
            wips.release(id, token, Status.REVIEW, null, null, ctx.sheetCalls(), 0, false, clock.instant());
            throw e;
        }
        Instant done = clock.instant();
        wips.checkpoint(id, token, new StepOutput.Finalized(null, null, row, null, List.of()), done.plus(lease), done);
        wips.release(id, token, Status.READY, null, null, ctx.sheetCalls(), 0, false, done);
        events.append(id, null, Step.FINALIZE.id(), "approved", "approved as it is (was: " + p.reviewReason() + ")", null);
        return wips.get(collection, id).orElseThrow();
    }

    private static DomainException notInReview(WipProduct p) {
        return DomainException.conflict("not_in_review", "product " + p.id() + " is " + p.status().id()
                + ": only a product in review can be approved", Map.of("status", p.status().id()));
    }
}
