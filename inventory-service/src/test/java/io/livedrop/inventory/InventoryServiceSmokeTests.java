package io.livedrop.inventory;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;

@IntegrationTest
class InventoryServiceSmokeTests extends ServiceSmokeTests {}
