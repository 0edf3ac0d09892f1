package com.lead2cash.bench.dataset;

import com.lead2cash.bench.dataset.BenchOrg.Member;
import com.lead2cash.customer.CompanyNames;
import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.lead.internal.BenchLeads;
import com.lead2cash.sop.PolicySnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Customers (客户) that did not come from a lead — the company's existing accounts, public-pool
 * companies, referrals — with their contacts (联系人) and opportunities (商机), in every lifecycle
 * state the customer module knows, spread over the three years. Names never repeat a lead's.
 */
public final class BenchCustomers {

    private static final String[] STATUSES = {"PROSPECT", "PROSPECT", "PROSPECT", "INITIAL_CONTACT", "INITIAL_CONTACT",
        "NEEDS_CONFIRMED", "OPPORTUNITY", "SIGNED", "SIGNED", "DELIVERED", "ACTIVE", "ACTIVE", "LOST"};
    private static final String[] GRADES = {"A", "B", "B", "C", "C", "C"};
    private static final String[] ROLES = {"DECISION_MAKER", "INFLUENCER", "USER", "USER", null};
    private static final String[] SOURCES = {"REFERRAL", "PARTNER", "CHANNEL", "PUBLIC_INFORMATION", "RESEARCH", "OTHER"};

    private final BenchOrg org;
    private final Rows rows;
    private final SplittableRandom random;
    private final Instant now;
    private final ZoneId zone;
    private final BenchOpportunities pipeline;

    /** Quotes, contracts and receivables of the opportunities written from now on (see {@link BenchDeals}). */
    public BenchCustomers deals(BenchDeals deals) {
        pipeline.deals(deals);
        return this;
    }

    public BenchCustomers(BenchOrg org, PolicySnapshot policy, Rows rows, SplittableRandom random, Instant now,
                          ZoneId zone) {
        this.pipeline = BenchOpportunities.of(policy, rows, random, now, zone);
        this.org = org;
        this.rows = rows;
        this.random = random;
        this.now = now;
        this.zone = zone;
    }

    /**
     * Writes {@code customers} customers with {@code contacts} contacts and {@code opportunities}
     * opportunities among them; names start at company index {@code firstCompany}, codes after
     * {@code codesUsed} customer and {@code opportunityCodesUsed} opportunity codes.
     */
    public void write(long customers, long contacts, long opportunities, long firstCompany, long codesUsed,
                      long opportunityCodesUsed, long firstPhone) {
        Instant start = now.minus(Duration.ofDays(3 * 365));
        long span = Duration.between(start, now).toMillis();
        List<Member> reps = org.reps();
        long contactsLeft = contacts;
        long opportunitiesLeft = opportunities;
        long phone = firstPhone;
        for (long k = 0; k < customers; k++) {
            Member owner = reps.get(random.nextInt(reps.size()));
            Instant created = start.plusMillis(span * k / Math.max(1, customers));
            Instant hired = owner.hireDate().atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
            if (created.isBefore(hired)) {
                created = hired.isAfter(now) ? now : hired;
            }
            ChineseData.Company company = ChineseData.company(firstCompany + k);
            UUID id = BenchIds.uuid7(created, random);
            String status = STATUSES[random.nextInt(STATUSES.length)];
            String uscc = random.nextInt(10) < 9 ? company.uscc() : null;
            rows.insert(BenchLeads.CUSTOMER_TABLE, BenchLeads.CUSTOMER_COLUMNS,
                    BenchLeads.withCustomerSearch(company.name(), id,
                    "C-%d-%06d".formatted(created.atZone(zone).getYear(), codesUsed + k + 1), company.name(),
                    CompanyNames.normalize(company.name()), uscc,
                    company.industry(), company.city().province(), status, "LOST".equals(status) ? null : owner.id(),
                    SOURCES[random.nextInt(SOURCES.length)], null, 0L, created, GRADES[random.nextInt(GRADES.length)]));
            long remaining = customers - k;
            long n = Math.max(1, Math.round((double) contactsLeft / remaining + random.nextInt(3) - 1));
            for (int c = 0; c < n && contactsLeft > 0; c++, contactsLeft--) {
                ChineseData.Person person = ChineseData.person(random);
                String number = random.nextInt(10) < 8 ? ChineseData.mobile(phone++, random.nextInt(4))
                        : ChineseData.landline(company.city(), phone++);
                String email = random.nextInt(10) < 7 ? person.emailLocal() + "@" + company.domain() : null;
                rows.insert(BenchLeads.CONTACT_TABLE, BenchLeads.CONTACT_COLUMNS, BenchIds.uuid7(created, random), id,
                        person.name(), ChineseData.TITLES.get(random.nextInt(ChineseData.TITLES.size())), number,
                        PhoneNumbers.normalize(number), email, EmailAddresses.normalize(email),
                        ROLES[random.nextInt(ROLES.length)], created);
            }
            if (opportunitiesLeft > 0 && random.nextDouble() < (double) opportunitiesLeft / remaining) {
                opportunitiesLeft--;
                Instant opened = created.plus(Duration.ofDays(random.nextInt(60)));
                if (opened.isAfter(now)) {
                    opened = now;
                }
                UUID opportunity = BenchIds.uuid7(opened, random);
                String code = "O-%d-%06d".formatted(opened.atZone(zone).getYear(),
                        opportunityCodesUsed + (opportunities - opportunitiesLeft));
                String line = ChineseData.PRODUCT_LINES.get(random.nextInt(ChineseData.PRODUCT_LINES.size()));
                String name = company.name() + " · " + line;
                pipeline.write(opportunity, code, id, name, BigDecimal.valueOf(50_000L + random.nextInt(300) * 10_000L),
                        owner.id(), null, line, opened, company.name(), uscc);
            }
        }
    }
}
