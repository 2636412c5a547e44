package io.livedrop.inventory.reservation.application;

import org.springframework.test.context.TestPropertySource;

/** {@link HoldExpiryTests} against the single-row reserver (the others run against the default, batching). */
@TestPropertySource(properties = "livedrop.inventory.reserver=single-row")
class HoldExpirySingleRowTests extends HoldExpiryTests {}
