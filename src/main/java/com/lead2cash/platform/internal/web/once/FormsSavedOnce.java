package com.lead2cash.platform.internal.web.once;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Forms are saved once (docs/decisions/0027): the token in every screen's POST form, the check of the posts that
 * carry one, and the daily forgetting of old tokens.
 */
@Configuration(proxyBeanMethods = false)
class FormsSavedOnce implements WebMvcConfigurer {

    static final String FORGET_TASK = "platform-form-submission-forget";

    /** The bean name Spring's form tags and Thymeleaf look the processor up by; Spring Security defines it. */
    private static final String PROCESSOR = "requestDataValueProcessor";

    private final FormSubmissions submissions;

    FormsSavedOnce(FormSubmissions submissions) {
        this.submissions = submissions;
    }

    /** Wraps Spring Security's processor (its {@code _csrf}) rather than replacing it: a form gets both fields. */
    @Bean
    static BeanPostProcessor onceTokenFieldInForms() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return PROCESSOR.equals(name) && bean instanceof RequestDataValueProcessor processor
                        ? new OnceTokenField(processor) : bean;
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the route's role check (0) and the parameters' input rules (10): a refused post claims nothing
        registry.addInterceptor(new SentOnce(submissions)).excludePathPatterns("/api/**").order(20);
    }

    @Bean
    RecurringTask<Void> formSubmissionForgetTask() {
        return Tasks.recurring(FORGET_TASK, FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> submissions.forgetOld());
    }
}
