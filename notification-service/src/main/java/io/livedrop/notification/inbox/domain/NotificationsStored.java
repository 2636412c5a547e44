package io.livedrop.notification.inbox.domain;

/**
 * Notifications were committed outside the Kafka listener's batches (today: parked broadcasts whose
 * drop summary arrived, stored by housekeeping): published as a Spring event, so that delivery looks
 * at the log now instead of at its next poll, without the inbox depending on delivery.
 *
 * @param count how many were new
 */
public record NotificationsStored(int count) {}
