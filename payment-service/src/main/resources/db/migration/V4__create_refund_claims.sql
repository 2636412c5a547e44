-- Refunds run in three steps so that no transaction (row lock, pooled connection) spans the provider
-- call: claim (succeeded -> refunding, a short transaction), ask the provider (no transaction), record
-- the outcome (refunding -> refunded). A refunding payment whose claim ran out (work_due_at passed:
-- the process died, or the provider failed) is resumed by the recovery job.

alter table payment drop constraint payment_status_valid;
alter table payment add constraint payment_status_valid
    check (status in ('processing', 'succeeded', 'failed', 'refunding', 'refunded'));

drop index payment_processing_due;
-- the recovery job: payments whose request died while the provider was being asked, and claimed refunds
create index payment_work_due on payment (work_due_at) where status in ('processing', 'refunding');
