package io.livedrop.inventory.reservation.domain;

/** The hold, and whether this call created it ({@code false}: the reservation id was seen before). */
public record ReserveResult(Reservation reservation, boolean created) {}
