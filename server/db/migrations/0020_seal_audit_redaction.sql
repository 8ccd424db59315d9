-- Sealing (issue 15): the one sanctioned change to the append-only audit log. An event keeps its row, time, actor,
-- type and subject; only quoted ids and record numbers of a sealed incident inside `detail` become
-- "[sealed record]". The trigger itself checks that an UPDATE is exactly that redaction, so even a session that
-- sets the flag by hand cannot change anything else; DELETE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION audit_redacted_detail(detail jsonb, needles text[]) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  body text := detail::text;
  needle text;
BEGIN
  FOREACH needle IN ARRAY needles LOOP
    body := replace(body, '"' || needle || '"', '"[sealed record]"');
  END LOOP;
  RETURN body::jsonb;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  needles text := current_setting('sro.audit_redaction', true);
BEGIN
  IF TG_OP = 'UPDATE' AND needles IS NOT NULL AND needles <> '' THEN
    IF (to_jsonb(NEW) - 'detail') = (to_jsonb(OLD) - 'detail')
       AND NEW.detail = audit_redacted_detail(OLD.detail, string_to_array(needles, ',')) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_redact(p_district uuid, p_needles text[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  changed integer;
BEGIN
  IF EXISTS (SELECT 1 FROM unnest(p_needles) AS n WHERE n !~ '^[A-Za-z0-9-]{6,}$') THEN
    RAISE EXCEPTION 'audit_redact: only ids and record numbers are redacted' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM set_config('sro.audit_redaction', array_to_string(p_needles, ','), true);
  UPDATE audit_events SET detail = audit_redacted_detail(detail, p_needles)
    WHERE district_id = p_district AND detail::text LIKE ANY (ARRAY(SELECT '%"' || n || '"%' FROM unnest(p_needles) AS n));
  GET DIAGNOSTICS changed = ROW_COUNT;
  PERFORM set_config('sro.audit_redaction', '', true);
  RETURN changed;
END;
$$;
