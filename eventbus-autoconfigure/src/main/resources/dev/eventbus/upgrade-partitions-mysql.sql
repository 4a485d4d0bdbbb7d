-- eventbus: upgrades an eventbus_outbox table created before the partitioned relay, MySQL 8 and
-- MariaDB. Adds partition_no (the partition of each row's ordering key; rows written earlier, or by
-- older instances during a rolling upgrade, get 0), creates the tables of the relay's partition
-- leases, and drops what the relay no longer reads: the ordering-key index and the unique index on
-- event_id. Idempotent: each change is prepared from a look-up in information_schema (MySQL 8 has
-- no "if not exists" for columns and indexes) and is "do 0" when it is done already.
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
