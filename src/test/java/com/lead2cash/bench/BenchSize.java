package com.lead2cash.bench;

/**
 * The data sizes the benchmark runs at (SPEC: a CRM is judged with years of data in it). Counts of
 * what the generator writes; modules that have not landed yet (activities, quotes, contracts,
 * receivables) join as they do.
 *
 * @param leads leads (线索), over three years
 * @param customers customers (客户), converted leads' customers included
 * @param contacts contacts (联系人) of the customers
 * @param opportunities opportunities (商机)
 * @param openDeadlines open SOP deadlines the sweep has to find its due ones among
 */
public enum BenchSize {
    S(10_000, 10_000, 30_000, 5_000, 20_000),
    M(100_000, 100_000, 300_000, 50_000, 200_000),
    L(1_000_000, 1_000_000, 3_000_000, 500_000, 2_000_000);

    private final int leads;
    private final int customers;
    private final int contacts;
    private final int opportunities;
    private final int openDeadlines;

    BenchSize(int leads, int customers, int contacts, int opportunities, int openDeadlines) {
        this.leads = leads;
        this.customers = customers;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.openDeadlines = openDeadlines;
    }

    public int leads() {
        return leads;
    }

    public int customers() {
        return customers;
    }

    public int contacts() {
        return contacts;
    }

    public int opportunities() {
        return opportunities;
    }

    public int openDeadlines() {
        return openDeadlines;
    }
}
