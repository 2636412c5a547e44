package io.livedrop.inventory.reservation.web;

import org.springframework.test.context.TestPropertySource;

/** {@link ReserveConcurrencyTests} against the single-row reserver (the others run against the default, batching). */
@TestPropertySource(properties = "livedrop.inventory.reserver=single-row")
class ReserveConcurrencySingleRowTests extends ReserveConcurrencyTests {}
