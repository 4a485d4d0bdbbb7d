-- eventbus: upgrades an eventbus_outbox table created before the event log, MySQL 8 / MariaDB 10.6+.
-- Adds the indexes of the event log's reads (dev.eventbus.EventLog): eventbus_outbox_entity for the
-- history of one entity, eventbus_outbox_channel for a channel's pages. Idempotent: safe to run twice
-- (statements prepared from information_schema.statistics, since MySQL 8 has no 'create index if not
-- exists'; 'do 0' when the index exists).
set @eventbus_ddl = (select if(count(*) = 0,
        'create index eventbus_outbox_entity on eventbus_outbox (channel, entity_id, id)', 'do 0')
    from information_schema.statistics
    where table_schema = database() and table_name = 'eventbus_outbox' and index_name = 'eventbus_outbox_entity');
prepare eventbus_upgrade from @eventbus_ddl;
execute eventbus_upgrade;
deallocate prepare eventbus_upgrade;
set @eventbus_ddl = (select if(count(*) = 0,
        'create index eventbus_outbox_channel on eventbus_outbox (channel, id)', 'do 0')
    from information_schema.statistics
    where table_schema = database() and table_name = 'eventbus_outbox' and index_name = 'eventbus_outbox_channel');
prepare eventbus_upgrade from @eventbus_ddl;
execute eventbus_upgrade;
deallocate prepare eventbus_upgrade;
