-- eventbus: upgrades an eventbus_outbox table created before eventbus stored trace contexts, PostgreSQL.
-- Adds trace_context: the trace context current when the event was captured, which the relay's publish
-- span continues. Idempotent: safe to run twice and on a table that already has the column (a DO block
-- that looks the column up first, so that no lock is taken when it exists).
-- Rows written before the upgrade keep null: their publish span starts a trace of its own.
do 'begin
    if not exists (select 1 from pg_attribute where attrelid = to_regclass(''eventbus_outbox'')
            and attname = ''trace_context'' and not attisdropped) then
        alter table eventbus_outbox add column trace_context varchar(256);
    end if;
end';
