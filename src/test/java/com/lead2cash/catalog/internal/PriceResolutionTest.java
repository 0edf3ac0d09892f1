package com.lead2cash.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which price a customer gets on a day: the named list, the customer's group, the standard list, the list price; validity days inclusive. */
class PriceResolutionTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    final Product gateway = Product.register(ProductDetails.validated("GW-100", "工业网关", null, "台", "网关",
            new BigDecimal("10000"), new BigDecimal("13")), NOW);
    final UUID customer = UUID.randomUUID();
    final UUID otherCustomer = UUID.randomUUID();

    PriceList list(String name, PriceListKind kind, LocalDate from, LocalDate to, String price, UUID... members) {
        PriceList l = PriceList.create(PriceList.Terms.validated(name, kind, kind == PriceListKind.CHANNEL ? "经销商" : null,
                from, to), NOW);
        l.reprice(Map.of(gateway.id(), new BigDecimal(price)), Set.of(gateway.id()), NOW);
        l.regroup(List.of(members), NOW);
        return l;
    }

    BigDecimal price(UUID customerId, UUID named, LocalDate day, PriceList... lists) {
        return PriceResolution.resolve(gateway, customerId, named, day, List.of(lists)).unitPrice();
    }

    @Test
    void withoutListsTheListPriceApplies() {
        var price = PriceResolution.resolve(gateway, customer, null, DEC_1, List.of());
        assertThat(price.unitPrice()).isEqualByComparingTo("10000");
        assertThat(price.priceListId()).isNull();
    }

    @Test
    void theStandardListAppliesOnlyOnTheDaysItIsValidBothEndsIncluded() {
        PriceList standard = list("2026 标准价", PriceListKind.STANDARD, DEC_1, LocalDate.of(2026, 12, 31), "9500");
        assertThat(price(customer, null, LocalDate.of(2026, 11, 30), standard)).isEqualByComparingTo("10000");
        assertThat(price(customer, null, DEC_1, standard)).isEqualByComparingTo("9500");
        assertThat(price(customer, null, LocalDate.of(2026, 12, 31), standard)).isEqualByComparingTo("9500");
        assertThat(price(customer, null, LocalDate.of(2027, 1, 1), standard)).isEqualByComparingTo("10000");
    }

    @Test
    void theCustomersGroupListBeatsTheStandardListAndOnlyForItsCustomers() {
        PriceList standard = list("标准价", PriceListKind.STANDARD, DEC_1, null, "9500");
        PriceList group = list("战略客户价", PriceListKind.CUSTOMER_GROUP, DEC_1, null, "9000", customer);
        assertThat(price(customer, null, DEC_1, standard, group)).isEqualByComparingTo("9000");
        assertThat(price(otherCustomer, null, DEC_1, standard, group)).isEqualByComparingTo("9500");
    }

    @Test
    void ofTwoGroupListsTheOneThatStartedLatestWins() {
        PriceList older = list("老客户价", PriceListKind.CUSTOMER_GROUP, LocalDate.of(2026, 1, 1), null, "9200", customer);
        PriceList newer = list("年末促销", PriceListKind.CUSTOMER_GROUP, LocalDate.of(2026, 11, 1), null, "8800", customer);
        assertThat(price(customer, null, DEC_1, older, newer)).isEqualByComparingTo("8800");
    }

    @Test
    void aNamedListWinsWhenInForceAndChannelListsApplyOnlyWhenNamed() {
        PriceList standard = list("标准价", PriceListKind.STANDARD, DEC_1, null, "9500");
        PriceList channel = list("经销商价", PriceListKind.CHANNEL, DEC_1, null, "8000");
        assertThat(price(customer, null, DEC_1, standard, channel)).isEqualByComparingTo("9500");
        assertThat(price(customer, channel.id(), DEC_1, standard, channel)).isEqualByComparingTo("8000");
        assertThat(price(customer, channel.id(), LocalDate.of(2026, 11, 30), standard, channel))
                .as("named but not yet valid: the next applicable price").isEqualByComparingTo("10000");
    }

    @Test
    void anInactiveListIsIgnored() {
        PriceList standard = list("标准价", PriceListKind.STANDARD, DEC_1, null, "9500");
        standard.deactivate(NOW);
        assertThat(price(customer, null, DEC_1, standard)).isEqualByComparingTo("10000");
    }

    @Test
    void aListThatDoesNotPriceTheProductLeavesItToTheNextOne() {
        PriceList standard = list("标准价", PriceListKind.STANDARD, DEC_1, null, "9500");
        PriceList group = PriceList.create(PriceList.Terms.validated("空客户组", PriceListKind.CUSTOMER_GROUP, null, DEC_1, null), NOW);
        group.regroup(List.of(customer), NOW);
        assertThat(price(customer, null, DEC_1, standard, group)).isEqualByComparingTo("9500");
    }
}
