package io.livedrop.order;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;
import io.livedrop.order.support.PeerStubs;
import org.springframework.context.annotation.Import;

/** common-lib's smoke tests; they extend common-lib's base, so they repeat {@link OrderIntegrationTest}'s annotations (same context). */
@IntegrationTest
@Import(PeerStubs.class)
class OrderServiceSmokeTests extends ServiceSmokeTests {}
