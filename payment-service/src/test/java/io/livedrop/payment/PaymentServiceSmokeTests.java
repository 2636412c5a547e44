package io.livedrop.payment;

import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.ServiceSmokeTests;
import io.livedrop.payment.support.PeerStubs;
import org.springframework.context.annotation.Import;

/** common-lib's smoke tests; they extend common-lib's base, so they repeat {@link PaymentIntegrationTest}'s annotations (same context). */
@IntegrationTest
@Import(PeerStubs.class)
class PaymentServiceSmokeTests extends ServiceSmokeTests {}
