-- The one sanctioned change to the append-only audit log: when a record is sealed or expunged, the details of earlier
-- events that name it are replaced by a fixed placeholder. Only audit_redact() turns the switch on (transaction-local),
-- and even then the trigger lets an UPDATE through only if it changes nothing but `detail`, and only to the placeholder.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('sro.audit_redaction', true) = 'on'
     AND NEW.detail = '{"redacted": "a sealed record"}'::jsonb
     AND (to_jsonb(NEW) - 'detail') = (to_jsonb(OLD) - 'detail') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_redact(p_terms text[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  PERFORM set_config('sro.audit_redaction', 'on', true);
  UPDATE audit_events SET detail = '{"redacted": "a sealed record"}'::jsonb
   WHERE detail <> '{"redacted": "a sealed record"}'::jsonb
     AND EXISTS (SELECT 1 FROM unnest(p_terms) t WHERE length(t) >= 4 AND position(lower(t) IN lower(detail::text)) > 0);
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('sro.audit_redaction', 'off', true);
  RETURN n;
END;
$$;
