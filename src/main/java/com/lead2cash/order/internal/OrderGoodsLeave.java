package com.lead2cash.order.internal;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An order booked in full whose last shipment leaves on a later day becomes SHIPPED (已发货) at the start of that day,
 * in the company's zone: the one-time task {@value #TASK}, one instance per order (decision 0044). Run twice or late,
 * it changes the order once: the order decides whether its goods have left.
 */
@Configuration(proxyBeanMethods = false)
class OrderGoodsLeave {

    static final String TASK = "order-goods-leave";

    static TaskInstance<Void> instance(UUID orderId) {
        return new TaskInstance<>(TASK, orderId.toString());
    }

    @Bean
    OneTimeTask<Void> orderGoodsLeaveTask(OrderService orders) {
        return Tasks.oneTime(TASK).execute((instance, context) -> orders.goodsLeft(UUID.fromString(instance.getId())));
    }
}
