-- eventbus: upgrades an eventbus_outbox table created before eventbus stored trace contexts, MySQL 8 /
-- MariaDB 10.6+.
-- Adds trace_context: the trace context current when the event was captured, which the relay's publish
-- span continues. Idempotent: safe to run twice and on a table that already has the column (a statement
-- prepared from information_schema.columns, since MySQL 8 has no 'add column if not exists'; 'do 0' when
-- the column exists, so no lock is taken).
-- Rows written before the upgrade keep null: their publish span starts a trace of its own.
set @eventbus_ddl = (select if(count(*) = 0, 'alter table eventbus_outbox add column trace_context varchar(256) null', 'do 0')
    from information_schema.columns
    where table_schema = database() and table_name = 'eventbus_outbox' and column_name = 'trace_context');
prepare eventbus_upgrade from @eventbus_ddl;
execute eventbus_upgrade;
deallocate prepare eventbus_upgrade;
