package io.livedrop.catalog;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;

@IntegrationTest
class CatalogServiceSmokeTests extends ServiceSmokeTests {}
