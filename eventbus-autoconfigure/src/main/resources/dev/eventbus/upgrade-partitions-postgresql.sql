-- eventbus: upgrades an eventbus_outbox table created before the partitioned relay, PostgreSQL.
-- Adds partition_no (the partition of each row's ordering key; rows written earlier, or by older
-- instances during a rolling upgrade, get 0), creates the tables of the relay's partition leases,
-- and drops what the relay no longer reads: the ordering-key and published-at indexes and the
-- unique index on event_id (each an extra write per event).
-- Idempotent: safe to run twice; nothing is altered and no lock is taken when all is done.
do 'begin
    if not exists (select 1 from pg_attribute where attrelid = to_regclass(''eventbus_outbox'')
            and attname = ''partition_no'' and not attisdropped) then
        alter table eventbus_outbox add column partition_no smallint not null default 0;
    end if;
    if to_regclass(''eventbus_outbox_key'') is not null then
        drop index eventbus_outbox_key;
    end if;
    if to_regclass(''eventbus_outbox_published'') is not null then
        drop index eventbus_outbox_published;
    end if;
    if exists (select 1 from pg_constraint where conrelid = to_regclass(''eventbus_outbox'')
            and conname = ''eventbus_outbox_event_id_key'') then
        alter table eventbus_outbox drop constraint eventbus_outbox_event_id_key;
    end if;
end';
create table if not exists eventbus_outbox_lease (
    partition_no    integer       primary key,
    owner           varchar(255),
    expires_at      timestamp with time zone not null
);
create table if not exists eventbus_outbox_relay (
    owner           varchar(255)  primary key,
    expires_at      timestamp with time zone not null
);
