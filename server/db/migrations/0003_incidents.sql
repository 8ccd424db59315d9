CREATE TYPE "public"."action_kind" AS ENUM('arrest', 'citation', 'referral_law_enforcement', 'referral_administration', 'referral_counseling', 'warning', 'no_action');--> statement-breakpoint
CREATE TYPE "public"."attachment_kind" AS ENUM('image', 'pdf', 'audio', 'video');--> statement-breakpoint
CREATE TYPE "public"."call_disposition" AS ENUM('report_taken', 'resolved', 'referred_to_school', 'unfounded', 'gone_on_arrival', 'transferred', 'duplicate');--> statement-breakpoint
CREATE TYPE "public"."call_priority" AS ENUM('emergency', 'urgent', 'routine');--> statement-breakpoint
CREATE TYPE "public"."call_source" AS ENUM('staff', 'dispatch', 'tip', 'self_initiated');--> statement-breakpoint
CREATE TYPE "public"."incident_status" AS ENUM('draft', 'submitted', 'returned', 'approved');--> statement-breakpoint
CREATE TYPE "public"."notification_rule" AS ENUM('superintendent_oral_24h', 'superintendent_written_7d');--> statement-breakpoint
CREATE TYPE "public"."offense_kind" AS ENUM('nibrs', 'school');--> statement-breakpoint
CREATE TYPE "public"."person_kind" AS ENUM('student', 'staff', 'visitor', 'other');--> statement-breakpoint
CREATE TYPE "public"."person_role" AS ENUM('victim', 'suspect', 'witness', 'reporting_party');--> statement-breakpoint
CREATE TYPE "public"."referral_kind" AS ENUM('administration', 'counseling');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('open', 'acknowledged', 'closed');--> statement-breakpoint
CREATE TYPE "public"."school_safety_category" AS ENUM('fight', 'bullying', 'harassment', 'threat', 'weapon', 'drugs', 'vaping', 'alcohol', 'trespass', 'vandalism', 'theft', 'medical', 'mental_health_crisis', 'other');--> statement-breakpoint
CREATE TYPE "public"."task_kind" AS ENUM('follow_up', 'notification');--> statement-breakpoint
CREATE TYPE "public"."version_event" AS ENUM('created', 'saved', 'submitted', 'returned', 'approved');--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"number" text NOT NULL,
	"source" "call_source" NOT NULL,
	"on_campus" boolean DEFAULT true NOT NULL,
	"area_id" uuid,
	"location_text" text,
	"priority" "call_priority" NOT NULL,
	"summary" text NOT NULL,
	"caller_name" text,
	"caller_phone" text,
	"received_at" timestamp with time zone NOT NULL,
	"arrived_at" timestamp with time zone,
	"cleared_at" timestamp with time zone,
	"disposition" "call_disposition",
	"assigned_user_id" uuid,
	"taken_by_id" uuid NOT NULL,
	"incident_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_cleared_has_disposition" CHECK ("calls"."cleared_at" is null or "calls"."disposition" is not null)
);
--> statement-breakpoint
CREATE TABLE "incident_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" "action_kind" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"implied" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"supplement_id" uuid,
	"file_name" text NOT NULL,
	"kind" "attachment_kind" NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by_id" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_offenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "offense_kind" NOT NULL,
	"nibrs_code" text,
	"category" "school_safety_category",
	"attempted" boolean DEFAULT false NOT NULL,
	"weapon_force" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "incident_offenses_one_code" CHECK (("incident_offenses"."kind" = 'nibrs' and "incident_offenses"."nibrs_code" is not null) or ("incident_offenses"."kind" = 'school' and "incident_offenses"."category" is not null))
);
--> statement-breakpoint
CREATE TABLE "incident_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "person_kind" NOT NULL,
	"role" "person_role" NOT NULL,
	"student_id" uuid,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"juvenile" boolean DEFAULT false NOT NULL,
	"phone" text,
	"description" text,
	CONSTRAINT "incident_persons_student" CHECK (("incident_persons"."kind" = 'student') = ("incident_persons"."student_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "incident_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" "referral_kind" NOT NULL,
	"status" "referral_status" DEFAULT 'open' NOT NULL,
	"summary" text NOT NULL,
	"persons" jsonb NOT NULL,
	"offenses" jsonb,
	"referred_by_id" uuid NOT NULL,
	"referred_at" timestamp with time zone NOT NULL,
	"handled_by_id" uuid,
	"handled_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "incident_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"incident_id" uuid NOT NULL,
	"supplement_id" uuid,
	"event" "version_event" NOT NULL,
	"comment" text,
	"by_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_supplements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "incident_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "incident_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" "task_kind" NOT NULL,
	"rule" "notification_rule",
	"person_id" uuid,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_id" uuid,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"incident_id" uuid NOT NULL,
	"supplement_id" uuid,
	"version" integer NOT NULL,
	"status" "incident_status" NOT NULL,
	"event" "version_event" NOT NULL,
	"snapshot" jsonb NOT NULL,
	"saved_by_id" uuid NOT NULL,
	"saved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"number" text NOT NULL,
	"area_id" uuid,
	"on_campus" boolean DEFAULT true NOT NULL,
	"location_code" text NOT NULL,
	"location_text" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"status" "incident_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"has_juvenile" boolean DEFAULT false NOT NULL,
	"offense_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"call_id" uuid,
	"author_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by_id" uuid,
	"sealed_at" timestamp with time zone,
	"sealed_by_id" uuid,
	"sealed_reason" text,
	"search_public" "tsvector",
	"search_all" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_sealed_reason" CHECK ("incidents"."sealed_at" is null or "incidents"."sealed_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "record_counters" (
	"district_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "record_counters_district_id_kind_year_pk" PRIMARY KEY("district_id","kind","year")
);
--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_area_id_campus_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."campus_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_taken_by_id_users_id_fk" FOREIGN KEY ("taken_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_actions" ADD CONSTRAINT "incident_actions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_actions" ADD CONSTRAINT "incident_actions_person_id_incident_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."incident_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_attachments" ADD CONSTRAINT "incident_attachments_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_attachments" ADD CONSTRAINT "incident_attachments_supplement_id_incident_supplements_id_fk" FOREIGN KEY ("supplement_id") REFERENCES "public"."incident_supplements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_attachments" ADD CONSTRAINT "incident_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_offenses" ADD CONSTRAINT "incident_offenses_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_persons" ADD CONSTRAINT "incident_persons_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_persons" ADD CONSTRAINT "incident_persons_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_referrals" ADD CONSTRAINT "incident_referrals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_referrals" ADD CONSTRAINT "incident_referrals_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_referrals" ADD CONSTRAINT "incident_referrals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_referrals" ADD CONSTRAINT "incident_referrals_referred_by_id_users_id_fk" FOREIGN KEY ("referred_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_referrals" ADD CONSTRAINT "incident_referrals_handled_by_id_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reviews" ADD CONSTRAINT "incident_reviews_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reviews" ADD CONSTRAINT "incident_reviews_supplement_id_incident_supplements_id_fk" FOREIGN KEY ("supplement_id") REFERENCES "public"."incident_supplements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reviews" ADD CONSTRAINT "incident_reviews_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_supplements" ADD CONSTRAINT "incident_supplements_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_supplements" ADD CONSTRAINT "incident_supplements_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_supplements" ADD CONSTRAINT "incident_supplements_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_versions" ADD CONSTRAINT "incident_versions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_versions" ADD CONSTRAINT "incident_versions_supplement_id_incident_supplements_id_fk" FOREIGN KEY ("supplement_id") REFERENCES "public"."incident_supplements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_versions" ADD CONSTRAINT "incident_versions_saved_by_id_users_id_fk" FOREIGN KEY ("saved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_area_id_campus_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."campus_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_sealed_by_id_users_id_fk" FOREIGN KEY ("sealed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_counters" ADD CONSTRAINT "record_counters_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calls_number_key" ON "calls" USING btree ("district_id","number");--> statement-breakpoint
CREATE INDEX "calls_district_received_idx" ON "calls" USING btree ("district_id","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "calls_open_idx" ON "calls" USING btree ("school_id","received_at") WHERE "calls"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "incident_actions_incident_idx" ON "incident_actions" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_actions_kind_idx" ON "incident_actions" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "incident_attachments_incident_idx" ON "incident_attachments" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_offenses_incident_idx" ON "incident_offenses" USING btree ("incident_id","position");--> statement-breakpoint
CREATE INDEX "incident_persons_incident_idx" ON "incident_persons" USING btree ("incident_id","position");--> statement-breakpoint
CREATE INDEX "incident_persons_student_idx" ON "incident_persons" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "incident_persons_last_name_idx" ON "incident_persons" USING btree (lower("last_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "incident_referrals_school_idx" ON "incident_referrals" USING btree ("school_id","kind","referred_at");--> statement-breakpoint
CREATE INDEX "incident_referrals_incident_idx" ON "incident_referrals" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_reviews_incident_idx" ON "incident_reviews" USING btree ("incident_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_supplements_number_key" ON "incident_supplements" USING btree ("incident_id","number");--> statement-breakpoint
CREATE INDEX "incident_tasks_owner_idx" ON "incident_tasks" USING btree ("owner_id","due_at") WHERE "incident_tasks"."done_at" is null;--> statement-breakpoint
CREATE INDEX "incident_tasks_incident_idx" ON "incident_tasks" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_tasks_rule_key" ON "incident_tasks" USING btree ("incident_id","person_id","rule") WHERE "incident_tasks"."rule" is not null;--> statement-breakpoint
CREATE INDEX "incident_versions_incident_idx" ON "incident_versions" USING btree ("incident_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_number_key" ON "incidents" USING btree ("district_id","number");--> statement-breakpoint
CREATE INDEX "incidents_district_occurred_idx" ON "incidents" USING btree ("district_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "incidents"."sealed_at" is null;--> statement-breakpoint
CREATE INDEX "incidents_school_occurred_idx" ON "incidents" USING btree ("school_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "incidents"."sealed_at" is null;--> statement-breakpoint
CREATE INDEX "incidents_status_idx" ON "incidents" USING btree ("district_id","status","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "incidents"."sealed_at" is null;--> statement-breakpoint
CREATE INDEX "incidents_offense_keys_idx" ON "incidents" USING gin ("offense_keys");--> statement-breakpoint
CREATE INDEX "incidents_search_public_idx" ON "incidents" USING gin ("search_public");--> statement-breakpoint
CREATE INDEX "incidents_search_all_idx" ON "incidents" USING gin ("search_all");