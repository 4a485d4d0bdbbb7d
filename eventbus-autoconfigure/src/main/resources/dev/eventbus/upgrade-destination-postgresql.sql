-- eventbus: upgrades an eventbus_outbox table created by eventbus 0.1.0 in place, PostgreSQL.
-- Adds the columns that record each event's destination: topic (the SNS topic name) and publisher.
-- Idempotent: safe to run twice and on a table that already has the columns (a DO block that looks the
-- columns up first, so that no lock is taken when they exist).
-- Rows written before the upgrade keep null in both: they are published to the relaying application's
-- own topic of their channel, with its publisher.
do 'begin
    if not exists (select 1 from pg_attribute where attrelid = to_regclass(''eventbus_outbox'')
            and attname = ''topic'' and not attisdropped) then
        alter table eventbus_outbox add column topic varchar(256);
    end if;
    if not exists (select 1 from pg_attribute where attrelid = to_regclass(''eventbus_outbox'')
            and attname = ''publisher'' and not attisdropped) then
        alter table eventbus_outbox add column publisher varchar(255);
    end if;
end';
