package io.livedrop.inventory.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The periodic work of every instance runs on Spring's scheduler: the {@code @Scheduled} methods of
 * {@code HoldExpiryScheduler} and {@code StockScheduler}. All of it is safe to run on several
 * instances at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
