-- Summary tables of the district dashboard (ADR 0004): functions that recompute them from the source rows, triggers
-- that call them in the writing transaction, and the backfill. Plain PL/pgSQL of PostgreSQL 10+ (statement
-- triggers with transition tables, advisory locks): the same on PostgreSQL 15 and PGlite.
--
-- analytics_incident_days(district, school or null, from, to) recomputes the day rows of the school (or every
-- school) for the local days from..to from the incidents, then the month rows of those months and the district
-- rows (school_id null) of those days and months from the school rows. Recomputing instead of adding deltas keeps
-- the rows equal to the raw aggregate by construction; a day of one school is a few rows.
CREATE OR REPLACE FUNCTION analytics_incident_days(p_district uuid, p_school uuid, p_from date, p_to date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_tz text;
  v_m0 date := date_trunc('month', p_from)::date;
  v_m1 date := (date_trunc('month', p_to) + interval '1 month')::date;
BEGIN
  SELECT timezone INTO v_tz FROM districts WHERE id = p_district;
  IF v_tz IS NULL THEN RETURN; END IF;
  DELETE FROM analytics_incident_rollup r WHERE r.district_id = p_district AND r.grain = 'day' AND r.school_id IS NOT NULL
    AND (p_school IS NULL OR r.school_id = p_school) AND r.day BETWEEN p_from AND p_to;
  INSERT INTO analytics_incident_rollup (district_id, school_id, grain, day, dim, k1, k2, k3, n)
  WITH i AS (
    SELECT i.id, i.school_id, i.area_id, i.location_code, i.on_campus, i.occurred_at AT TIME ZONE v_tz AS local
    FROM incidents i
    WHERE i.district_id = p_district AND (p_school IS NULL OR i.school_id = p_school) AND i.status <> 'draft' AND i.sealed_at IS NULL
      AND i.occurred_at >= (p_from::timestamp AT TIME ZONE v_tz) AND i.occurred_at < ((p_to + 1)::timestamp AT TIME ZONE v_tz)
  )
  SELECT p_district, school_id, 'day', local::date, 'all', NULL, NULL, NULL, count(*)::int FROM i GROUP BY school_id, local::date
  UNION ALL
  SELECT p_district, school_id, 'day', local::date, 'hour', extract(isodow FROM local)::int::text, extract(hour FROM local)::int::text, NULL, count(*)::int
    FROM i GROUP BY school_id, local::date, extract(isodow FROM local), extract(hour FROM local)
  UNION ALL
  SELECT p_district, i.school_id, 'day', i.local::date, 'offense', o.nibrs_code, o.category::text, NULL, count(DISTINCT i.id)::int
    FROM i JOIN incident_offenses o ON o.incident_id = i.id GROUP BY i.school_id, i.local::date, o.nibrs_code, o.category
  UNION ALL
  SELECT p_district, school_id, 'day', local::date, 'place', area_id::text, location_code, on_campus::text, count(*)::int
    FROM i GROUP BY school_id, local::date, area_id, location_code, on_campus
  UNION ALL
  SELECT p_district, i.school_id, 'day', i.local::date, 'enforcement', a.kind::text, NULL, NULL,
      count(DISTINCT (a.incident_id, coalesce(a.person_id, a.id)))::int
    FROM i JOIN incident_actions a ON a.incident_id = i.id WHERE a.kind IN ('arrest', 'citation', 'referral_law_enforcement')
    GROUP BY i.school_id, i.local::date, a.kind;
  -- Students with law-enforcement actions on approved, on-campus incidents (the equity page), per school and day.
  DELETE FROM analytics_student_events r WHERE r.district_id = p_district AND (p_school IS NULL OR r.school_id = p_school)
    AND r.day BETWEEN p_from AND p_to;
  INSERT INTO analytics_student_events (district_id, school_id, day, student_id, arrested, cited)
  SELECT p_district, i.school_id, (i.occurred_at AT TIME ZONE v_tz)::date, p.student_id, bool_or(a.kind = 'arrest'), bool_or(a.kind = 'citation')
  FROM incidents i
  JOIN incident_actions a ON a.incident_id = i.id AND a.kind IN ('arrest', 'citation', 'referral_law_enforcement')
  JOIN incident_persons p ON p.id = a.person_id AND p.student_id IS NOT NULL
  WHERE i.district_id = p_district AND (p_school IS NULL OR i.school_id = p_school) AND i.status = 'approved' AND i.sealed_at IS NULL AND i.on_campus
    AND i.occurred_at >= (p_from::timestamp AT TIME ZONE v_tz) AND i.occurred_at < ((p_to + 1)::timestamp AT TIME ZONE v_tz)
  GROUP BY i.school_id, (i.occurred_at AT TIME ZONE v_tz)::date, p.student_id;
  -- Months of the school(s): the sum of their days.
  DELETE FROM analytics_incident_rollup r WHERE r.district_id = p_district AND r.grain = 'month' AND r.school_id IS NOT NULL
    AND (p_school IS NULL OR r.school_id = p_school) AND r.day >= v_m0 AND r.day < v_m1;
  INSERT INTO analytics_incident_rollup (district_id, school_id, grain, day, dim, k1, k2, k3, n)
  SELECT p_district, r.school_id, 'month', date_trunc('month', r.day)::date, r.dim, r.k1, r.k2, r.k3, sum(r.n)::int
  FROM analytics_incident_rollup r WHERE r.district_id = p_district AND r.grain = 'day' AND r.school_id IS NOT NULL
    AND (p_school IS NULL OR r.school_id = p_school) AND r.day >= v_m0 AND r.day < v_m1
  GROUP BY r.school_id, date_trunc('month', r.day), r.dim, r.k1, r.k2, r.k3;
  -- The district: days from its schools' days, months from its days.
  DELETE FROM analytics_incident_rollup r WHERE r.district_id = p_district AND r.school_id IS NULL AND r.grain = 'day' AND r.day BETWEEN p_from AND p_to;
  INSERT INTO analytics_incident_rollup (district_id, school_id, grain, day, dim, k1, k2, k3, n)
  SELECT p_district, NULL, 'day', r.day, r.dim, r.k1, r.k2, r.k3, sum(r.n)::int
  FROM analytics_incident_rollup r WHERE r.district_id = p_district AND r.grain = 'day' AND r.school_id IS NOT NULL AND r.day BETWEEN p_from AND p_to
  GROUP BY r.day, r.dim, r.k1, r.k2, r.k3;
  DELETE FROM analytics_incident_rollup r WHERE r.district_id = p_district AND r.school_id IS NULL AND r.grain = 'month' AND r.day >= v_m0 AND r.day < v_m1;
  INSERT INTO analytics_incident_rollup (district_id, school_id, grain, day, dim, k1, k2, k3, n)
  SELECT p_district, NULL, 'month', date_trunc('month', r.day)::date, r.dim, r.k1, r.k2, r.k3, sum(r.n)::int
  FROM analytics_incident_rollup r WHERE r.district_id = p_district AND r.grain = 'day' AND r.school_id IS NULL AND r.day >= v_m0 AND r.day < v_m1
  GROUP BY date_trunc('month', r.day), r.dim, r.k1, r.k2, r.k3;
END $$;
--> statement-breakpoint
-- analytics_activity_days(district, school or null, from, to): the same for SRO activity minutes (school rows only).
CREATE OR REPLACE FUNCTION analytics_activity_days(p_district uuid, p_school uuid, p_from date, p_to date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_tz text;
  v_m0 date := date_trunc('month', p_from)::date;
  v_m1 date := (date_trunc('month', p_to) + interval '1 month')::date;
BEGIN
  SELECT timezone INTO v_tz FROM districts WHERE id = p_district;
  IF v_tz IS NULL THEN RETURN; END IF;
  DELETE FROM analytics_activity_rollup r WHERE r.district_id = p_district AND r.grain = 'day'
    AND (p_school IS NULL OR r.school_id = p_school) AND r.day BETWEEN p_from AND p_to;
  INSERT INTO analytics_activity_rollup (district_id, school_id, grain, day, user_id, triad_role, minutes)
  SELECT p_district, e.school_id, 'day', (e.started_at AT TIME ZONE v_tz)::date, e.user_id, e.triad_role, sum(e.duration_minutes)
  FROM activity_entries e
  WHERE e.district_id = p_district AND e.school_id IS NOT NULL AND (p_school IS NULL OR e.school_id = p_school)
    AND e.started_at >= (p_from::timestamp AT TIME ZONE v_tz) AND e.started_at < ((p_to + 1)::timestamp AT TIME ZONE v_tz)
  GROUP BY e.school_id, (e.started_at AT TIME ZONE v_tz)::date, e.user_id, e.triad_role;
  DELETE FROM analytics_activity_rollup r WHERE r.district_id = p_district AND r.grain = 'month'
    AND (p_school IS NULL OR r.school_id = p_school) AND r.day >= v_m0 AND r.day < v_m1;
  INSERT INTO analytics_activity_rollup (district_id, school_id, grain, day, user_id, triad_role, minutes)
  SELECT p_district, r.school_id, 'month', date_trunc('month', r.day)::date, r.user_id, r.triad_role, sum(r.minutes)
  FROM analytics_activity_rollup r WHERE r.district_id = p_district AND r.grain = 'day'
    AND (p_school IS NULL OR r.school_id = p_school) AND r.day >= v_m0 AND r.day < v_m1
  GROUP BY r.school_id, date_trunc('month', r.day), r.user_id, r.triad_role;
END $$;
--> statement-breakpoint
-- Serialises the writers of one district month (two transactions must not both recompute the district rows from
-- what each alone sees) and waits for a rebuild of the district, which takes the district lock exclusively.
CREATE OR REPLACE FUNCTION analytics_lock(p_district uuid, p_day date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('analytics:' || p_district::text)::bigint);
  PERFORM pg_advisory_xact_lock(hashtext('analytics:' || p_district::text), (extract(year FROM p_day) * 12 + extract(month FROM p_day))::int);
END $$;
--> statement-breakpoint
-- Recomputes every summary row of a district: the backfill, `npm run analytics:rebuild`, a bulk load without
-- triggers, and a change of the district's time zone (local days move).
CREATE OR REPLACE FUNCTION analytics_rebuild(p_district uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_from date;
  v_to date;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('analytics:' || p_district::text)::bigint);
  DELETE FROM analytics_incident_rollup WHERE district_id = p_district;
  DELETE FROM analytics_activity_rollup WHERE district_id = p_district;
  DELETE FROM analytics_student_events WHERE district_id = p_district;
  -- A day of margin either side of the UTC range covers every time zone.
  SELECT min(occurred_at)::date - 1, max(occurred_at)::date + 1 INTO v_from, v_to FROM incidents WHERE district_id = p_district;
  IF v_from IS NOT NULL THEN PERFORM analytics_incident_days(p_district, NULL, v_from, v_to); END IF;
  SELECT min(started_at)::date - 1, max(started_at)::date + 1 INTO v_from, v_to FROM activity_entries WHERE district_id = p_district;
  IF v_from IS NOT NULL THEN PERFORM analytics_activity_days(p_district, NULL, v_from, v_to); END IF;
END $$;
--> statement-breakpoint
-- Locks the district month of a local day and recomputes the day of one school (incidents or activity).
CREATE OR REPLACE FUNCTION analytics_touch(p_kind text, p_district uuid, p_school uuid, p_day date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_lock(p_district, p_day);
  IF p_kind = 'incident' THEN PERFORM analytics_incident_days(p_district, p_school, p_day, p_day);
  ELSE PERFORM analytics_activity_days(p_district, p_school, p_day, p_day);
  END IF;
END $$;
--> statement-breakpoint
-- Incidents: the local days (old and new) of rows whose counted state changed. A draft or sealed incident before
-- and after counts nowhere, so autosaves of drafts and edits of other fields cost nothing. Keys are visited in
-- order so that two statements lock district months in the same order.
CREATE OR REPLACE FUNCTION analytics_incidents_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  k record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR k IN SELECT DISTINCT n.district_id, n.school_id, (n.occurred_at AT TIME ZONE d.timezone)::date AS day
      FROM new_rows n JOIN districts d ON d.id = n.district_id WHERE n.status <> 'draft' AND n.sealed_at IS NULL ORDER BY 1, 3, 2
    LOOP PERFORM analytics_touch('incident', k.district_id, k.school_id, k.day); END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR k IN SELECT DISTINCT o.district_id, o.school_id, (o.occurred_at AT TIME ZONE d.timezone)::date AS day
      FROM old_rows o JOIN districts d ON d.id = o.district_id WHERE o.status <> 'draft' AND o.sealed_at IS NULL ORDER BY 1, 3, 2
    LOOP PERFORM analytics_touch('incident', k.district_id, k.school_id, k.day); END LOOP;
  ELSE
    FOR k IN SELECT DISTINCT x.district_id, x.school_id, (x.occurred_at AT TIME ZONE d.timezone)::date AS day
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.district_id, o.school_id, o.occurred_at), (n.district_id, n.school_id, n.occurred_at)) x(district_id, school_id, occurred_at)
      JOIN districts d ON d.id = x.district_id
      WHERE (o.district_id, o.school_id, o.occurred_at, o.status, o.sealed_at, o.area_id, o.location_code, o.on_campus)
          IS DISTINCT FROM (n.district_id, n.school_id, n.occurred_at, n.status, n.sealed_at, n.area_id, n.location_code, n.on_campus)
        AND ((o.status <> 'draft' AND o.sealed_at IS NULL) OR (n.status <> 'draft' AND n.sealed_at IS NULL))
      ORDER BY 1, 3, 2
    LOOP PERFORM analytics_touch('incident', k.district_id, k.school_id, k.day); END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Offenses, persons and actions: the day of their incident, when the incident counts (a cascade from a
-- deleted incident finds none: the incident's own trigger recomputes its day).
CREATE OR REPLACE FUNCTION analytics_incident_parts_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  k record;
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN ids := ARRAY(SELECT DISTINCT incident_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN ids := ARRAY(SELECT DISTINCT incident_id FROM old_rows);
  ELSE ids := ARRAY(SELECT incident_id FROM old_rows UNION SELECT incident_id FROM new_rows);
  END IF;
  FOR k IN SELECT DISTINCT i.district_id, i.school_id, (i.occurred_at AT TIME ZONE d.timezone)::date AS day
    FROM incidents i JOIN districts d ON d.id = i.district_id WHERE i.id = ANY (ids) AND i.status <> 'draft' AND i.sealed_at IS NULL ORDER BY 1, 3, 2
  LOOP PERFORM analytics_touch('incident', k.district_id, k.school_id, k.day); END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Activity entries with a school: the local days (old and new) of rows whose counted fields changed.
CREATE OR REPLACE FUNCTION analytics_activity_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  k record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR k IN SELECT DISTINCT n.district_id, n.school_id, (n.started_at AT TIME ZONE d.timezone)::date AS day
      FROM new_rows n JOIN districts d ON d.id = n.district_id WHERE n.school_id IS NOT NULL ORDER BY 1, 3, 2
    LOOP PERFORM analytics_touch('activity', k.district_id, k.school_id, k.day); END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR k IN SELECT DISTINCT o.district_id, o.school_id, (o.started_at AT TIME ZONE d.timezone)::date AS day
      FROM old_rows o JOIN districts d ON d.id = o.district_id WHERE o.school_id IS NOT NULL ORDER BY 1, 3, 2
    LOOP PERFORM analytics_touch('activity', k.district_id, k.school_id, k.day); END LOOP;
  ELSE
    FOR k IN SELECT DISTINCT x.district_id, x.school_id, (x.started_at AT TIME ZONE d.timezone)::date AS day
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.district_id, o.school_id, o.started_at), (n.district_id, n.school_id, n.started_at)) x(district_id, school_id, started_at)
      JOIN districts d ON d.id = x.district_id
      WHERE x.school_id IS NOT NULL AND (o.district_id, o.school_id, o.started_at, o.user_id, o.triad_role, o.duration_minutes)
          IS DISTINCT FROM (n.district_id, n.school_id, n.started_at, n.user_id, n.triad_role, n.duration_minutes)
      ORDER BY 1, 3, 2
    LOOP PERFORM analytics_touch('activity', k.district_id, k.school_id, k.day); END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A new time zone moves every local day of the district.
CREATE OR REPLACE FUNCTION analytics_district_zone_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_rebuild(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_incidents_inserted AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incidents_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_incidents_updated AFTER UPDATE ON incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incidents_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_incidents_deleted AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incidents_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_offenses_inserted AFTER INSERT ON incident_offenses REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incident_parts_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_offenses_updated AFTER UPDATE ON incident_offenses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incident_parts_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_offenses_deleted AFTER DELETE ON incident_offenses REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incident_parts_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_actions_inserted AFTER INSERT ON incident_actions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incident_parts_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_actions_updated AFTER UPDATE ON incident_actions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incident_parts_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_actions_deleted AFTER DELETE ON incident_actions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incident_parts_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_persons_inserted AFTER INSERT ON incident_persons REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incident_parts_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_persons_updated AFTER UPDATE ON incident_persons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incident_parts_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_persons_deleted AFTER DELETE ON incident_persons REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_incident_parts_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_activity_inserted AFTER INSERT ON activity_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_activity_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_activity_updated AFTER UPDATE ON activity_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_activity_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_activity_deleted AFTER DELETE ON activity_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_activity_changed();
--> statement-breakpoint
CREATE TRIGGER analytics_district_zone AFTER UPDATE OF timezone ON districts FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION analytics_district_zone_changed();
--> statement-breakpoint
-- Backfill: every district from its rows as they are.
SELECT analytics_rebuild(id) FROM districts;
