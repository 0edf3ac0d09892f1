package com.lead2cash.bench.dataset;

import com.lead2cash.customer.internal.CustomerRegions;
import com.lead2cash.lead.internal.BenchLeads;
import com.lead2cash.region.Regions;
import com.lead2cash.sop.PolicySnapshot;
import com.lead2cash.sop.WorkingCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * One capture (线索录入) at a time, as the data set's generator would write it: seeded by the capture's
 * index, so the load driver's raw side and the sample check write exactly the lead the product is sent.
 */
public final class SingleCaptures {

    private final BenchOrg org;
    private final PolicySnapshot policy;
    private final Regions regions;
    private final WorkingCalendar calendar;
    private final AggregateRows aggregates;
    private final ZoneId zone;
    private final long seed;
    private final CustomerRegions customerRegions;

    public SingleCaptures(BenchOrg org, PolicySnapshot policy, Regions regions, CustomerRegions customerRegions,
                          WorkingCalendar calendar, AggregateRows aggregates, ZoneId zone, long seed) {
        this.org = org;
        this.customerRegions = customerRegions;
        this.policy = policy;
        this.regions = regions;
        this.calendar = calendar;
        this.aggregates = aggregates;
        this.zone = zone;
        this.seed = seed;
    }

    /** The generator of the capture with this index at {@code at}, writing into {@code rows}. */
    public BenchLeads leads(MemoryRows rows, long index, Instant at) {
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        Notifications notifications = new Notifications(rows, random, at);
        Deadlines deadlines = new Deadlines(rows, policy, calendar, notifications, org, random, at, zone);
        return new BenchLeads(org, policy, regions, deadlines, notifications, new AuditRows(rows), aggregates, rows,
                random, at, zone);
    }

    /** The customers' generator as of {@code at}, writing into {@code rows} (for the sample check). */
    public BenchCustomers customers(MemoryRows rows, Instant at) {
        SplittableRandom random = new SplittableRandom(seed);
        Notifications notifications = new Notifications(rows, random, at);
        Deadlines deadlines = new Deadlines(rows, policy, calendar, notifications, org, random, at, zone);
        return new BenchCustomers(org, policy, rows, aggregates, deadlines, customerRegions, random, at, zone, 1, 1);
    }
}
