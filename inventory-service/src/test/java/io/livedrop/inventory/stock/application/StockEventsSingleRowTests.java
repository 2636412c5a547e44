package io.livedrop.inventory.stock.application;

import org.springframework.test.context.TestPropertySource;

/** {@link StockEventsTests} against the single-row reserver (the others run against the default, batching). */
@TestPropertySource(properties = "livedrop.inventory.reserver=single-row")
class StockEventsSingleRowTests extends StockEventsTests {}
