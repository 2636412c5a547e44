-- A charge request the provider did not answer may still be captured on the provider's side. The payment
-- then stays processing (so the order cannot be paid a second time) until the provider's record settles
-- it: charge_unanswered marks such a payment, charge_requested_at is when its charge was last requested
-- (the provider's late-capture window runs from there; a charge the provider does not know after it
-- never happened).

alter table payment add column charge_requested_at timestamptz;
alter table payment add column charge_unanswered boolean not null default false;

update payment set charge_requested_at = created_at;

alter table payment add constraint payment_unanswered_charge_was_requested
    check (not charge_unanswered or charge_requested_at is not null);
