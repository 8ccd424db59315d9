CREATE TABLE "destruction_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"seq" integer NOT NULL,
	"ids" uuid[] NOT NULL,
	"labels" text[] NOT NULL,
	"purged" integer,
	"file_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "destruction_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"day" text NOT NULL,
	"state" text NOT NULL,
	"lines" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"purged_at" timestamp with time zone,
	"purged_counts" jsonb
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"record_kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "retention_schedules" (
	"district_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"years" integer,
	"note" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "retention_schedules_years" CHECK ("retention_schedules"."years" is null or "retention_schedules"."years" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "destruction_batches" ADD CONSTRAINT "destruction_batches_report_id_destruction_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."destruction_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_reports" ADD CONSTRAINT "destruction_reports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_reports" ADD CONSTRAINT "destruction_reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_schedules" ADD CONSTRAINT "retention_schedules_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_schedules" ADD CONSTRAINT "retention_schedules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "destruction_batches_key" ON "destruction_batches" USING btree ("report_id","record_type","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "destruction_reports_day_key" ON "destruction_reports" USING btree ("district_id","day");--> statement-breakpoint
CREATE INDEX "destruction_reports_purging_idx" ON "destruction_reports" USING btree ("state") WHERE "destruction_reports"."state" in ('approved', 'purging');--> statement-breakpoint
CREATE UNIQUE INDEX "legal_holds_active_key" ON "legal_holds" USING btree ("district_id","record_kind","record_id") WHERE "legal_holds"."lifted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "retention_schedules_key" ON "retention_schedules" USING btree ("district_id","record_type");