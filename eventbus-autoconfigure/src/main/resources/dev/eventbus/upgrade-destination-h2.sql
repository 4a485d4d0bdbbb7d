-- eventbus: upgrades an eventbus_outbox table created by eventbus 0.1.0 in place, H2.
-- Adds the columns that record each event's destination: topic (the SNS topic name) and publisher.
-- Idempotent: safe to run twice and on a table that already has the columns (add column if not
-- exists).
-- Rows written before the upgrade keep null in both: they are published to the relaying application's
-- own topic of their channel, with its publisher.
alter table eventbus_outbox add column if not exists topic varchar(256);
alter table eventbus_outbox add column if not exists publisher varchar(255);
