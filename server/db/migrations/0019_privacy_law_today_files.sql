CREATE TABLE "notification_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"trigger" text NOT NULL,
	"offenses" jsonb,
	"students_only" boolean DEFAULT true NOT NULL,
	"notify" text NOT NULL,
	"method" text DEFAULT 'any' NOT NULL,
	"deadline_amount" integer NOT NULL,
	"deadline_unit" text NOT NULL,
	"before_next_school_day" boolean DEFAULT false NOT NULL,
	"citation" jsonb,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_rules_deadline" CHECK ("notification_rules"."deadline_amount" >= 0 and "notification_rules"."deadline_unit" in ('hours', 'days', 'school_days'))
);
--> statement-breakpoint
CREATE TABLE "escalation_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"level" text NOT NULL,
	"recipients" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"in_app" boolean NOT NULL,
	"email" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"escalation_minutes" integer DEFAULT 5 NOT NULL,
	"reminder_hours" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_settings_escalation" CHECK ("notification_settings"."escalation_minutes" between 1 and 240),
	CONSTRAINT "notification_settings_reminder" CHECK ("notification_settings"."reminder_hours" between 1 and 720)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"school_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"link" text NOT NULL,
	"subject_type" text,
	"subject_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"sent_by" uuid NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_seals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid,
	"state" text NOT NULL,
	"number_mac" text,
	"reason" text,
	"order_number" text,
	"order_date" date,
	"destroy_files" boolean DEFAULT false NOT NULL,
	"file_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"key_id" text,
	"wrapped_key" "bytea",
	"nonce" "bytea",
	"package" "bytea",
	"sealed_by_id" uuid,
	"sealed_at" timestamp with time zone NOT NULL,
	"unseal_order_number" text,
	"unseal_order_date" date,
	"unseal_document_key" text,
	"unsealed_by_id" uuid,
	"unsealed_at" timestamp with time zone,
	"expunge_order_number" text,
	"expunge_order_date" date,
	"expunged_by_id" uuid,
	"expunged_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "school_documents" DROP CONSTRAINT "school_documents_content";--> statement-breakpoint
ALTER TABLE "incident_tasks" ALTER COLUMN "rule" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "tip_attachments" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "education_materials" ALTER COLUMN "bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_photos" ALTER COLUMN "bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "drill_rules" ADD COLUMN "citation" jsonb;--> statement-breakpoint
ALTER TABLE "safety_plan_versions" ADD COLUMN "file_key" text;--> statement-breakpoint
ALTER TABLE "sro_certifications" ADD COLUMN "document_key" text;--> statement-breakpoint
ALTER TABLE "tip_attachments" ADD COLUMN "file_key" text;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "life_safety_signals" jsonb;--> statement-breakpoint
ALTER TABLE "education_materials" ADD COLUMN "file_key" text;--> statement-breakpoint
ALTER TABLE "assessment_photos" ADD COLUMN "file_key" text;--> statement-breakpoint
ALTER TABLE "school_documents" ADD COLUMN "file_key" text;--> statement-breakpoint
ALTER TABLE "notification_rules" ADD CONSTRAINT "notification_rules_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reminders" ADD CONSTRAINT "plan_reminders_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reminders" ADD CONSTRAINT "plan_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_seals" ADD CONSTRAINT "incident_seals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_seals" ADD CONSTRAINT "incident_seals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_seals" ADD CONSTRAINT "incident_seals_sealed_by_id_users_id_fk" FOREIGN KEY ("sealed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_seals" ADD CONSTRAINT "incident_seals_unsealed_by_id_users_id_fk" FOREIGN KEY ("unsealed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_seals" ADD CONSTRAINT "incident_seals_expunged_by_id_users_id_fk" FOREIGN KEY ("expunged_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_rules_key" ON "notification_rules" USING btree ("district_id","key");--> statement-breakpoint
CREATE INDEX "notification_rules_district_idx" ON "notification_rules" USING btree ("district_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_steps_key" ON "escalation_steps" USING btree ("subject_type","subject_id","step");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "plan_reminders_plan_idx" ON "plan_reminders" USING btree ("plan_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_seals_current_key" ON "incident_seals" USING btree ("incident_id") WHERE "incident_seals"."state" <> 'unsealed';--> statement-breakpoint
CREATE INDEX "incident_seals_district_idx" ON "incident_seals" USING btree ("district_id","sealed_at");--> statement-breakpoint
CREATE INDEX "incident_seals_pending_idx" ON "incident_seals" USING btree ("state") WHERE "incident_seals"."state" in ('sealing', 'unsealing', 'expunging');--> statement-breakpoint
ALTER TABLE "school_documents" ADD CONSTRAINT "school_documents_content" CHECK (("school_documents"."format" = 'text' and "school_documents"."body" is not null) or ("school_documents"."format" = 'pdf' and ("school_documents"."file_key" is not null or "school_documents"."file" is not null)));--> statement-breakpoint
DROP TYPE "public"."notification_rule";