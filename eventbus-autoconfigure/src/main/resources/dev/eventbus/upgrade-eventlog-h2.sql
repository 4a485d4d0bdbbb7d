-- eventbus: upgrades an eventbus_outbox table created before the event log, H2.
-- Adds the indexes of the event log's reads (dev.eventbus.EventLog): eventbus_outbox_entity for the
-- history of one entity, eventbus_outbox_channel for a channel's pages. Idempotent: safe to run twice
-- (create index if not exists).
create index if not exists eventbus_outbox_entity on eventbus_outbox (channel, entity_id, id);
create index if not exists eventbus_outbox_channel on eventbus_outbox (channel, id);
