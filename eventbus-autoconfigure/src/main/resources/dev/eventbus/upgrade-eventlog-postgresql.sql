-- eventbus: upgrades an eventbus_outbox table created before the event log, PostgreSQL.
-- Adds the indexes of the event log's reads (dev.eventbus.EventLog): eventbus_outbox_entity for the
-- history of one entity, eventbus_outbox_channel for a channel's pages. Idempotent: safe to run twice
-- (create index if not exists).
-- Creating an index blocks writes to the table until it is built. On a large outbox table run these
-- statements by hand with 'create index concurrently if not exists' instead (outside a transaction;
-- in Flyway a migration of its own with executeInTransaction=false).
create index if not exists eventbus_outbox_entity on eventbus_outbox (channel, entity_id, id);
create index if not exists eventbus_outbox_channel on eventbus_outbox (channel, id);
