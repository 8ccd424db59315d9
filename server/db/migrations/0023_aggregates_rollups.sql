CREATE TABLE "analytics_activity_rollup" (
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	"triad_role" text NOT NULL,
	"minutes" bigint NOT NULL,
	CONSTRAINT "analytics_activity_rollup_grain" CHECK (grain in ('day', 'month'))
);
--> statement-breakpoint
CREATE TABLE "analytics_incident_rollup" (
	"district_id" uuid NOT NULL,
	"school_id" uuid,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"dim" text NOT NULL,
	"k1" text,
	"k2" text,
	"k3" text,
	"n" integer NOT NULL,
	CONSTRAINT "analytics_incident_rollup_grain" CHECK (grain in ('day', 'month'))
);
--> statement-breakpoint
CREATE TABLE "analytics_student_events" (
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"day" date NOT NULL,
	"student_id" uuid NOT NULL,
	"arrested" boolean NOT NULL,
	"cited" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics_activity_rollup" ADD CONSTRAINT "analytics_activity_rollup_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_incident_rollup" ADD CONSTRAINT "analytics_incident_rollup_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_student_events" ADD CONSTRAINT "analytics_student_events_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_activity_rollup_read_idx" ON "analytics_activity_rollup" USING btree ("district_id","grain","day");--> statement-breakpoint
CREATE INDEX "analytics_activity_rollup_school_idx" ON "analytics_activity_rollup" USING btree ("school_id","grain","day");--> statement-breakpoint
CREATE INDEX "analytics_incident_rollup_read_idx" ON "analytics_incident_rollup" USING btree ("district_id","dim","grain","day");--> statement-breakpoint
CREATE INDEX "analytics_incident_rollup_day_idx" ON "analytics_incident_rollup" USING btree ("district_id","grain","day");--> statement-breakpoint
CREATE INDEX "analytics_incident_rollup_school_idx" ON "analytics_incident_rollup" USING btree ("school_id","grain","day");--> statement-breakpoint
CREATE INDEX "analytics_student_events_read_idx" ON "analytics_student_events" USING btree ("district_id","day");--> statement-breakpoint
CREATE INDEX "analytics_student_events_school_idx" ON "analytics_student_events" USING btree ("school_id","day");