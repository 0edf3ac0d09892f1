package com.lead2cash.order.internal;

import static com.lead2cash.testing.TestClock.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.order.internal.domain.Order;
import com.lead2cash.order.internal.domain.OrderAction;
import com.lead2cash.order.internal.domain.OrderLine;
import com.lead2cash.order.internal.domain.OrderStatus;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
import com.lead2cash.sop.BusinessDuration;
import com.lead2cash.sop.DayKind;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.WorkingCalendar;
import com.lead2cash.testing.RefusalText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order rules on their own: D2's waybill due time on the working calendar, and the order's lifecycle. */
class OrderRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final OrderRules RULES = SopPolicy.defaults().bind(OrderRules.class);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Instant NOW = TODAY.atTime(10, 0).atZone(SHANGHAI).toInstant();

    @Test
    void D2_aMondayShipmentNeedsItsWaybillByFridaysStartOfWork() {
        assertThat(RULES.waybillDueAt(LocalDate.of(2026, 12, 7), WorkingCalendar.standard()))
                .isEqualTo(shanghai("2026-12-04T09:00"));
        assertThat(RULES.waybillDueAt(LocalDate.of(2026, 12, 9), WorkingCalendar.standard())).as("midweek: the day before")
                .isEqualTo(shanghai("2026-12-08T09:00"));
    }

    @Test
    void D2_holidaysAreSkippedAndAMakeUpSaturdayCounts() {
        WorkingCalendar calendar = WorkingCalendar.standard().withExceptions(Map.of(
                LocalDate.of(2026, 12, 4), DayKind.HOLIDAY, LocalDate.of(2026, 12, 5), DayKind.WORKDAY));
        assertThat(RULES.waybillDueAt(LocalDate.of(2026, 12, 7), calendar)).as("Saturday is a working day")
                .isEqualTo(shanghai("2026-12-05T09:00"));
        WorkingCalendar holidayOnly = WorkingCalendar.standard().withExceptions(Map.of(LocalDate.of(2026, 12, 4), DayKind.HOLIDAY));
        assertThat(RULES.waybillDueAt(LocalDate.of(2026, 12, 7), holidayOnly)).as("Friday off: Thursday")
                .isEqualTo(shanghai("2026-12-03T09:00"));
    }

    @Test
    void D2_aCalendarWindowCountsBackPlainTimeFromTheShipDay() {
        OrderRules calendarDay = new OrderRules(RULES.progressWindow(),
                DeadlineWindow.calendar(BusinessDuration.ofDays(1)));
        assertThat(calendarDay.waybillDueAt(LocalDate.of(2026, 12, 7), WorkingCalendar.standard()))
                .isEqualTo(shanghai("2026-12-06T00:00"));
    }

    static Order order() {
        return orderMade(TODAY, NOW);
    }

    static Order orderMade(LocalDate today, Instant now) {
        return Order.create("DD-2026-000001", UUID.randomUUID(), "HT-1", UUID.randomUUID(), UUID.randomUUID(),
                List.of(new OrderLine(UUID.randomUUID(), "GW-100", "工业网关", "台", new BigDecimal("10.00"), BigDecimal.ZERO.setScale(2))),
                "杭州市西湖区文三路 1 号", "王经理", null, LocalDate.of(2026, 12, 20), UUID.randomUUID(), today, now);
    }

    @Test
    void D3_aDelayKeepsEveryPromisedDateAndMovesOnlyLater() {
        Order o = order();
        o.delay(LocalDate.of(2026, 12, 28), "芯片到货延迟", UUID.randomUUID(), TODAY, NOW);

        assertThat(o.promisedDate()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(o.promises()).extracting(p -> p.promisedDate().toString() + " " + p.reason())
                .containsExactly("2026-12-20 null", "2026-12-28 芯片到货延迟");
        assertThatThrownBy(() -> o.delay(LocalDate.of(2026, 12, 27), "提前", UUID.randomUUID(), TODAY, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldValidationException.FieldError::messageKey).contains("order.delay.later"));
        assertThatThrownBy(() -> o.delay(LocalDate.of(2027, 1, 5), " ", UUID.randomUUID(), TODAY, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldValidationException.FieldError::messageKey).contains("order.delay.reason"));
    }

    @Test
    void aPromisedDateLiesAtMostTenYearsAheadWhenOrderedAndWhenDelayed() {
        Order o = order();
        LocalDate latest = TODAY.plusYears(InputRules.MAX_YEARS_AHEAD);
        assertThatThrownBy(() -> o.delay(latest.plusDays(1), "缺货", UUID.randomUUID(), TODAY, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::messageKey).containsExactly("order.promisedDate.tooFar"));
        assertThat(o.promisedDate()).isNotEqualTo(latest.plusDays(1));
        o.delay(latest, "缺货", UUID.randomUUID(), TODAY, NOW);
        assertThat(o.promisedDate()).isEqualTo(latest);
        assertThatThrownBy(() -> Order.create("DD-1", UUID.randomUUID(), "HT-1", UUID.randomUUID(), UUID.randomUUID(),
                o.lines(), "杭州", "王经理", null, LocalDate.of(2199, 12, 20), UUID.randomUUID(), TODAY, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field).containsExactly("promisedDate"));
    }

    @Test
    void D3_aShipDateAfterTheCurrentPromisedDateIsRefusedUntilADelayMovesIt() {
        Order o = order();
        LocalDate promised = LocalDate.of(2026, 12, 20);
        assertThatThrownBy(() -> o.ship(1, new BigDecimal("1"), "顺丰", null, promised.plusDays(1), UUID.randomUUID(),
                TODAY, SHANGHAI, NOW)).isInstanceOfSatisfying(FieldValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldValidationException.FieldError::field,
                            FieldValidationException.FieldError::messageKey)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("shipDate", "order.shipment.afterPromised"));
                    DomainException said = new DomainException(e.errors().get(0).messageKey(),
                            e.errors().get(0).args().toArray());
                    assertThat(RefusalText.of(said, Locale.ENGLISH)).contains("2026-12-21", "2026-12-20", "record a delay first");
                    assertThat(RefusalText.of(said, Locale.CHINESE)).contains("请先登记延期");
                });
        assertThat(o.shipments()).as("nothing booked").isEmpty();
        assertThat(o.lines().get(0).shipped()).isEqualByComparingTo("0");
        assertThat(o.shipNoLaterThan(TODAY)).as("what the form offers").isEqualTo(promised);

        o.ship(1, new BigDecimal("4"), "顺丰", null, promised, UUID.randomUUID(), TODAY, SHANGHAI, NOW);
        o.delay(LocalDate.of(2026, 12, 28), "物流排期", UUID.randomUUID(), TODAY, NOW);
        o.ship(1, new BigDecimal("6"), "顺丰", null, promised.plusDays(1), UUID.randomUUID(), TODAY, SHANGHAI, NOW);
        assertThat(o.shipments()).as("the delay moved the promise").hasSize(2);
        assertThat(o.shipNoLaterThan(TODAY)).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void aBookedShipmentNotLeftIsCancelledWithAReasonFreeingItsQuantityAndGoodsThatLeftAreNot() {
        Order o = order();
        o.delay(LocalDate.of(2027, 1, 10), "客户要求", UUID.randomUUID(), TODAY, NOW);
        LocalDate mistyped = LocalDate.of(2027, 1, 7);
        o.ship(1, new BigDecimal("1"), "顺丰", null, mistyped, UUID.randomUUID(), TODAY, SHANGHAI, NOW);
        o.ship(1, new BigDecimal("9"), "顺丰", "SF1", TODAY, UUID.randomUUID(), TODAY, SHANGHAI, NOW);
        assertThat(o.status()).as("held by the booked one").isEqualTo(OrderStatus.PREPARING);
        assertThat(o.deliveryOpensOn(true, true, TODAY)).isEqualTo(mistyped);
        assertThat(o.availableActions(false, true, TODAY)).contains(OrderAction.CANCEL_SHIPMENT);
        assertThat(o.availableActions(true, false, TODAY)).as("operations' part").doesNotContain(OrderAction.CANCEL_SHIPMENT);
        assertThat(o.shipmentCancellable(1, TODAY)).isTrue();
        assertThat(o.shipmentCancellable(2, TODAY)).as("left today").isFalse();
        assertThat(o.shipmentCancellable(1, mistyped)).as("on its day it has left").isFalse();

        assertThatThrownBy(() -> o.cancelShipment(2, "填错", UUID.randomUUID(), TODAY, NOW))
                .hasMessage("order.shipment.cancel.left");
        assertThatThrownBy(() -> o.cancelShipment(1, " ", UUID.randomUUID(), TODAY, NOW))
                .isInstanceOf(FieldValidationException.class);
        assertThatThrownBy(() -> o.cancelShipment(3, "填错", UUID.randomUUID(), TODAY, NOW))
                .isInstanceOf(FieldValidationException.class);
        assertThat(o.lines().get(0).shipped()).isEqualByComparingTo("10");

        UUID by = UUID.randomUUID();
        o.cancelShipment(1, " 发货日期填错 ", by, TODAY, NOW);
        assertThat(o.shipments()).hasSize(2).first().satisfies(s -> {
            assertThat(s.cancelled()).isTrue();
            assertThat(s.cancelReason()).isEqualTo("发货日期填错");
            assertThat(s.cancelledBy()).isEqualTo(by);
            assertThat(s.cancelledAt()).isEqualTo(NOW);
        });
        assertThat(o.lines().get(0).remaining()).as("free to ship again").isEqualByComparingTo("1");
        assertThat(o.lastShipDate()).as("a cancelled shipment never leaves").isEqualTo(TODAY);
        assertThat(o.deliveryOpensOn(true, true, TODAY)).isNull();
        assertThat(o.availableActions(false, true, TODAY)).contains(OrderAction.SHIP)
                .doesNotContain(OrderAction.CANCEL_SHIPMENT, OrderAction.RECORD_WAYBILL);
        assertThatThrownBy(() -> o.cancelShipment(1, "再取消", UUID.randomUUID(), TODAY, NOW))
                .hasMessage("order.shipment.cancel.cancelled");
        assertThatThrownBy(() -> o.recordWaybill(1, "SF9", NOW)).hasMessage("order.shipment.cancel.cancelled");

        o.ship(1, new BigDecimal("1"), "顺丰", "SF2", TODAY, UUID.randomUUID(), TODAY, SHANGHAI, NOW);
        assertThat(o.status()).as("the last goods left").isEqualTo(OrderStatus.SHIPPED);
        assertThat(o.availableActions(true, true, TODAY)).contains(OrderAction.DELIVER);
    }

    @Test
    void anOrderShipsInPartsIsDeliveredAndAcceptedAndRefusesStepsOutOfOrder() {
        Order o = order();
        assertThatThrownBy(() -> o.deliver(TODAY, UUID.randomUUID(), TODAY, NOW)).as("nothing shipped yet").hasMessage("order.status.notAllowed")
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(RefusalText.of(e, Locale.ENGLISH)).as("the state in words").contains("Created").doesNotContain("CREATED");
                    assertThat(RefusalText.of(e, Locale.CHINESE)).contains("已创建").doesNotContain("CREATED");
                });

        o.ship(1, new BigDecimal("4"), "顺丰", null, TODAY.plusDays(2), UUID.randomUUID(), TODAY, SHANGHAI, NOW);
        assertThat(o.status()).isEqualTo(OrderStatus.PREPARING);
        assertThatThrownBy(() -> o.ship(1, new BigDecimal("6.01"), "顺丰", null, TODAY, UUID.randomUUID(), TODAY, SHANGHAI, NOW))
                .hasMessage("order.shipment.exceedsLine");
        o.ship(1, new BigDecimal("6"), "顺丰", "SF2", TODAY.plusDays(3), UUID.randomUUID(), TODAY, SHANGHAI, NOW);
        assertThat(o.status()).as("all booked, the last leaves in three days").isEqualTo(OrderStatus.PREPARING);
        assertThat(o.goodsLeft(TODAY.plusDays(2), NOW)).isFalse();
        assertThat(o.goodsLeft(TODAY.plusDays(3), NOW)).as("the day the last goods leave").isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(o.goodsLeft(TODAY.plusDays(4), NOW)).as("once").isFalse();
        o.recordWaybill(1, "SF1", NOW);
        assertThatThrownBy(() -> o.recordWaybill(1, "SF9", NOW)).hasMessage("order.waybill.recorded");

        LocalDate arrived = TODAY.plusDays(4);
        o.deliver(arrived, UUID.randomUUID(), arrived, NOW);
        assertThatThrownBy(() -> o.accept(arrived, "王经理", "10 台", "合格", null, null, null, UUID.randomUUID(), arrived, NOW))
                .as("neither the signed form nor the online confirmation").isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldValidationException.FieldError::messageKey).contains("order.acceptance.form"));
        o.accept(arrived, "王经理", "10 台", "合格", null, UUID.randomUUID(), null, UUID.randomUUID(), arrived, NOW);
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(o.availableActions(true, true, arrived)).isEmpty();
    }

    @Test
    void aDeliveryIsAFactNeitherBeforeTheLastShipmentLeftNorAfterToday() {
        Order o = orderMade(TODAY.minusDays(5), NOW.minus(java.time.Duration.ofDays(5)));
        o.ship(1, new BigDecimal("4"), "顺丰", "SF1", TODAY.minusDays(3), UUID.randomUUID(), TODAY, SHANGHAI, NOW);
        o.ship(1, new BigDecimal("6"), "顺丰", "SF2", TODAY.minusDays(1), UUID.randomUUID(), TODAY, SHANGHAI, NOW);

        assertThatThrownBy(() -> o.deliver(TODAY.minusDays(2), UUID.randomUUID(), TODAY, NOW)).as("before the second shipment left")
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + " " + error.messageKey())
                        .containsExactly("deliveredOn order.deliveredOn.beforeShipment"));
        assertThatThrownBy(() -> o.deliver(TODAY.plusDays(1), UUID.randomUUID(), TODAY, NOW)).as("tomorrow")
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + " " + error.messageKey())
                        .containsExactly("deliveredOn order.deliveredOn.invalid"));
        assertThat(o.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(o.deliveredOn()).isNull();

        o.deliver(TODAY.minusDays(1), UUID.randomUUID(), TODAY, NOW);
        assertThat(o.deliveredOn()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void aShipmentIsNotDatedBeforeTheDayTheOrderWasMade() {
        Order o = order();
        assertThatThrownBy(() -> o.ship(1, new BigDecimal("4"), "顺丰", "SF1", TODAY.minusDays(1), UUID.randomUUID(), TODAY,
                SHANGHAI, NOW)).isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + " " + error.messageKey())
                        .containsExactly("shipDate order.shipment.shipDate.range"));
        assertThat(o.shipments()).isEmpty();
        o.ship(1, new BigDecimal("4"), "顺丰", "SF1", TODAY, UUID.randomUUID(), TODAY, SHANGHAI, NOW);
        assertThat(o.shipments()).hasSize(1);
    }

    @Test
    void anOrderBookedInFullForALaterDayIsNotShippedBeforeThatDayAndOffersNoDeliveryUntilThen() {
        Order o = order();
        LocalDate leaves = TODAY.plusDays(3);
        o.ship(1, new BigDecimal("10"), "顺丰", "SF1", leaves, UUID.randomUUID(), TODAY, SHANGHAI, NOW);

        assertThat(o.status()).as("every good booked, none left yet").isEqualTo(OrderStatus.PREPARING);
        assertThat(o.shipsOn(TODAY)).isEqualTo(leaves);
        assertThat(o.availableActions(true, true, TODAY)).doesNotContain(OrderAction.DELIVER, OrderAction.SHIP);
        assertThat(o.deliveryOpensOn(true, false, TODAY)).isEqualTo(leaves);
        assertThat(o.deliveryOpensOn(false, false, TODAY)).as("nor later for one who may not record it").isNull();

        assertThat(o.goodsLeft(leaves, NOW)).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(o.shipsOn(leaves)).isNull();
        assertThat(o.availableActions(true, false, leaves)).contains(OrderAction.DELIVER);
        assertThat(o.availableActions(false, true, leaves)).contains(OrderAction.DELIVER);
        assertThat(o.deliveryOpensOn(true, true, leaves)).isNull();
        o.deliver(leaves, UUID.randomUUID(), leaves, NOW);
        assertThat(o.status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void aContractTerminatedBeforeTheBookedGoodsLeaveKeepsTheOrderPreparing() {
        Order o = order();
        LocalDate leaves = TODAY.plusDays(3);
        o.ship(1, new BigDecimal("10"), "顺丰", "SF1", leaves, UUID.randomUUID(), TODAY, SHANGHAI, NOW);
        o.contractTerminated(TODAY.plusDays(1), NOW);
        assertThat(o.goodsLeft(leaves, NOW)).isFalse();
        assertThat(o.status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(o.deliveryOpensOn(true, true, TODAY)).isNull();
    }
}
