package io.livedrop.catalog.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the {@code @Scheduled} methods of the {@code *Scheduler} classes (waiting-room admission,
 * follow housekeeping). The drop lifecycle has a loop of its own ({@code DropLifecycleScheduler}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
