-- eventbus: upgrades an eventbus_outbox table created before eventbus stored trace contexts, H2.
-- Adds trace_context: the trace context current when the event was captured, which the relay's publish
-- span continues. Idempotent: safe to run twice and on a table that already has the column (add column
-- if not exists).
-- Rows written before the upgrade keep null: their publish span starts a trace of its own.
alter table eventbus_outbox add column if not exists trace_context varchar(256);
