-- propagation headers (W3C traceparent) of the request that wrote the event, sent with the record
alter table outbox_event add column trace_headers text;
