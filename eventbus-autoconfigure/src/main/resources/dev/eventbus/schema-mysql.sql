-- eventbus outbox and inbox, MySQL 8 / MariaDB 10.6+. Idempotent: safe to run on every start.
create table if not exists eventbus_outbox (
    id              bigint        not null auto_increment primary key,
    event_id        char(36)      not null,
    channel         varchar(256)  not null,
    action          varchar(64)   not null,
    entity_id       varchar(255),
    ordering_key    varchar(512)  not null,
    partition_no    smallint      not null default 0,
    body            mediumtext    not null,
    created_at      timestamp(6)  not null,
    next_attempt_at timestamp(6)  not null,
    attempts        integer       not null default 0,
    last_error      varchar(2000),
    published_at    timestamp(6)  null,
    topic           varchar(256)  null,
    publisher       varchar(255)  null,
    trace_context   varchar(256)  null,
    index eventbus_outbox_pending (published_at, id)
);
create table if not exists eventbus_inbox (
    listener_id     varchar(255)  not null,
    event_id        char(36)      not null,
    handled_at      timestamp(6)  not null,
    primary key (listener_id, event_id),
    index eventbus_inbox_handled (handled_at)
);

-- A table created by eventbus 0.1.0 gains the destination columns (the same statements as
-- upgrade-destination-mysql.sql; nothing happens when the table has them).
set @eventbus_ddl = (select if(count(*) = 0, 'alter table eventbus_outbox add column topic varchar(256) null', 'do 0')
    from information_schema.columns
    where table_schema = database() and table_name = 'eventbus_outbox' and column_name = 'topic');
prepare eventbus_upgrade from @eventbus_ddl;
execute eventbus_upgrade;
deallocate prepare eventbus_upgrade;
set @eventbus_ddl = (select if(count(*) = 0, 'alter table eventbus_outbox add column publisher varchar(255) null', 'do 0')
    from information_schema.columns
    where table_schema = database() and table_name = 'eventbus_outbox' and column_name = 'publisher');
prepare eventbus_upgrade from @eventbus_ddl;
execute eventbus_upgrade;
deallocate prepare eventbus_upgrade;

-- A table created before the partitioned relay gains partition_no and loses the indexes it no longer
-- needs; the lease tables are created (the same statements as upgrade-partitions-mysql.sql).
set @eventbus_ddl = (select if(count(*) = 0,
        'alter table eventbus_outbox add column partition_no smallint not null default 0', 'do 0')
    from information_schema.columns
    where table_schema = database() and table_name = 'eventbus_outbox' and column_name = 'partition_no');
prepare eventbus_upgrade from @eventbus_ddl;
execute eventbus_upgrade;
deallocate prepare eventbus_upgrade;
set @eventbus_ddl = (select if(count(*) > 0, 'alter table eventbus_outbox drop index eventbus_outbox_key', 'do 0')
    from information_schema.statistics
    where table_schema = database() and table_name = 'eventbus_outbox' and index_name = 'eventbus_outbox_key');
prepare eventbus_upgrade from @eventbus_ddl;
execute eventbus_upgrade;
deallocate prepare eventbus_upgrade;
set @eventbus_ddl = (select if(count(*) > 0, 'alter table eventbus_outbox drop index event_id', 'do 0')
    from information_schema.statistics
    where table_schema = database() and table_name = 'eventbus_outbox' and index_name = 'event_id');
prepare eventbus_upgrade from @eventbus_ddl;
execute eventbus_upgrade;
deallocate prepare eventbus_upgrade;
create table if not exists eventbus_outbox_lease (
    partition_no    integer       primary key,
    owner           varchar(255),
    expires_at      timestamp(6)  not null
);
create table if not exists eventbus_outbox_relay (
    owner           varchar(255)  primary key,
    expires_at      timestamp(6)  not null
);

-- A table created before eventbus stored trace contexts gains trace_context (the same statements as
-- upgrade-tracing-mysql.sql; nothing happens when the table has it).
set @eventbus_ddl = (select if(count(*) = 0, 'alter table eventbus_outbox add column trace_context varchar(256) null', 'do 0')
    from information_schema.columns
    where table_schema = database() and table_name = 'eventbus_outbox' and column_name = 'trace_context');
prepare eventbus_upgrade from @eventbus_ddl;
execute eventbus_upgrade;
deallocate prepare eventbus_upgrade;

-- A table created before the event log gains the indexes of its reads (the same statements as
-- upgrade-eventlog-mysql.sql; nothing happens when the table has them).
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
