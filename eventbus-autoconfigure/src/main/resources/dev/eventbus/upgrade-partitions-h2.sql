-- eventbus: upgrades an eventbus_outbox table created before the partitioned relay, H2.
-- Adds partition_no (the partition of each row's ordering key; rows written earlier get 0), creates
-- the tables of the relay's partition leases and drops the ordering-key index, which the relay no
-- longer reads. Idempotent: safe to run twice.
alter table eventbus_outbox add column if not exists partition_no smallint default 0 not null;
drop index if exists eventbus_outbox_key;
create table if not exists eventbus_outbox_lease (
    partition_no    integer       primary key,
    owner           varchar(255),
    expires_at      timestamp with time zone not null
);
create table if not exists eventbus_outbox_relay (
    owner           varchar(255)  primary key,
    expires_at      timestamp with time zone not null
);
