CREATE TYPE "public"."alert_status" AS ENUM('pending', 'active', 'cancelled', 'cleared');--> statement-breakpoint
CREATE TYPE "public"."check_in_status" AS ENUM('safe', 'need_help');--> statement-breakpoint
CREATE TYPE "public"."reunification_request_status" AS ENUM('requested', 'runner_sent', 'released', 'refused');--> statement-breakpoint
CREATE TYPE "public"."reunification_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."srp_action" AS ENUM('hold', 'secure', 'lockdown', 'evacuate', 'shelter');--> statement-breakpoint
CREATE TABLE "alert_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "check_in_status" NOT NULL,
	"location" text NOT NULL,
	"area_id" uuid,
	"students_with_me" integer NOT NULL,
	"missing" integer DEFAULT 0 NOT NULL,
	"extra" integer DEFAULT 0 NOT NULL,
	"injured" integer DEFAULT 0 NOT NULL,
	"note" text,
	"checked_in_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_check_ins_counts" CHECK ("alert_check_ins"."students_with_me" >= 0 and "alert_check_ins"."missing" >= 0 and "alert_check_ins"."extra" >= 0 and "alert_check_ins"."injured" >= 0)
);
--> statement-breakpoint
CREATE TABLE "alert_receipts" (
	"alert_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_receipts_alert_id_user_id_pk" PRIMARY KEY("alert_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "alert_schools" (
	"alert_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	CONSTRAINT "alert_schools_alert_id_school_id_pk" PRIMARY KEY("alert_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "alert_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"cancel_window_seconds" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_settings_window" CHECK ("alert_settings"."cancel_window_seconds" between 0 and 30)
);
--> statement-breakpoint
CREATE TABLE "alert_timeline" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"school_id" uuid,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"action" "srp_action" NOT NULL,
	"location" text,
	"hazard" text,
	"strategy" text,
	"details" text,
	"drill" boolean NOT NULL,
	"status" "alert_status" NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"announce_at" timestamp with time zone NOT NULL,
	"announced_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cleared_at" timestamp with time zone,
	"cleared_by" uuid,
	"clear_note" text
);
--> statement-breakpoint
CREATE TABLE "live_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"school_ids" uuid[] NOT NULL,
	"audience" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reunification_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reunification_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"guardian_id" uuid,
	"adult_name" text NOT NULL,
	"id_type" text NOT NULL,
	"id_checked" boolean NOT NULL,
	"status" "reunification_request_status" NOT NULL,
	"refusal_reason" text,
	"runner_name" text,
	"runner_sent_at" timestamp with time zone,
	"student_confirmed" boolean,
	"initials" text,
	"released_at" timestamp with time zone,
	"note" text,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reunifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"alert_id" uuid,
	"site" text NOT NULL,
	"drill" boolean NOT NULL,
	"status" "reunification_status" DEFAULT 'open' NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "alert_check_ins" ADD CONSTRAINT "alert_check_ins_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_check_ins" ADD CONSTRAINT "alert_check_ins_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_check_ins" ADD CONSTRAINT "alert_check_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_check_ins" ADD CONSTRAINT "alert_check_ins_area_id_campus_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."campus_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_receipts" ADD CONSTRAINT "alert_receipts_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_receipts" ADD CONSTRAINT "alert_receipts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_schools" ADD CONSTRAINT "alert_schools_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_schools" ADD CONSTRAINT "alert_schools_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_settings" ADD CONSTRAINT "alert_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_timeline" ADD CONSTRAINT "alert_timeline_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunification_requests" ADD CONSTRAINT "reunification_requests_reunification_id_reunifications_id_fk" FOREIGN KEY ("reunification_id") REFERENCES "public"."reunifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunification_requests" ADD CONSTRAINT "reunification_requests_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunification_requests" ADD CONSTRAINT "reunification_requests_guardian_id_guardians_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."guardians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunification_requests" ADD CONSTRAINT "reunification_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunifications" ADD CONSTRAINT "reunifications_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunifications" ADD CONSTRAINT "reunifications_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunifications" ADD CONSTRAINT "reunifications_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunifications" ADD CONSTRAINT "reunifications_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunifications" ADD CONSTRAINT "reunifications_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_check_ins_person_key" ON "alert_check_ins" USING btree ("alert_id","school_id","user_id");--> statement-breakpoint
CREATE INDEX "alert_schools_school_idx" ON "alert_schools" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "alert_timeline_alert_idx" ON "alert_timeline" USING btree ("alert_id","at");--> statement-breakpoint
CREATE INDEX "alerts_district_raised_idx" ON "alerts" USING btree ("district_id","raised_at");--> statement-breakpoint
CREATE INDEX "alerts_pending_idx" ON "alerts" USING btree ("announce_at") WHERE "alerts"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "live_events_district_idx" ON "live_events" USING btree ("district_id","id");--> statement-breakpoint
CREATE INDEX "reunification_requests_event_idx" ON "reunification_requests" USING btree ("reunification_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "reunification_requests_released_key" ON "reunification_requests" USING btree ("reunification_id","student_id") WHERE "reunification_requests"."status" = 'released';--> statement-breakpoint
CREATE INDEX "reunifications_school_idx" ON "reunifications" USING btree ("school_id","opened_at");