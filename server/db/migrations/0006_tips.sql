CREATE TABLE "threat_case_members" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "threat_case_members_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "threat_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"number" text NOT NULL,
	"source" text NOT NULL,
	"tip_id" uuid,
	"incident_id" uuid,
	"subject_student_id" uuid NOT NULL,
	"threat_as_reported" text NOT NULL,
	"intended_victims" text,
	"status" text DEFAULT 'open' NOT NULL,
	"classification" text,
	"classification_rationale" text,
	"resolution" text,
	"classified_at" timestamp with time zone,
	"evaluation" jsonb,
	"evaluated_at" timestamp with time zone,
	"evaluated_by" uuid,
	"safety_plan" jsonb,
	"safety_plan_updated_at" timestamp with time zone,
	"next_review_on" date,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closing_summary" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "threat_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"interviewee" text,
	"interviewee_role" text,
	"theme" text,
	"occurred_on" date,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "threat_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner_user_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_attachments" (
	"tip_id" uuid PRIMARY KEY NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_links" (
	"tip_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tip_links_tip_id_kind_target_id_pk" PRIMARY KEY("tip_id","kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "tip_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tip_id" uuid NOT NULL,
	"author" text NOT NULL,
	"staff_user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"number" text NOT NULL,
	"code_hash" text NOT NULL,
	"passphrase_hash" text NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"when_text" text,
	"where_text" text,
	"who_text" text,
	"language" text DEFAULT 'en' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"outcome" text,
	"life_safety" boolean DEFAULT false NOT NULL,
	"life_safety_by" text,
	"hoax" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"closed_at" timestamp with time zone,
	"last_reporter_message_at" timestamp with time zone,
	"staff_read_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "threat_case_members" ADD CONSTRAINT "threat_case_members_case_id_threat_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."threat_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_case_members" ADD CONSTRAINT "threat_case_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_cases" ADD CONSTRAINT "threat_cases_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_cases" ADD CONSTRAINT "threat_cases_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_cases" ADD CONSTRAINT "threat_cases_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_cases" ADD CONSTRAINT "threat_cases_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_cases" ADD CONSTRAINT "threat_cases_subject_student_id_students_id_fk" FOREIGN KEY ("subject_student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_cases" ADD CONSTRAINT "threat_cases_evaluated_by_users_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_cases" ADD CONSTRAINT "threat_cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_notes" ADD CONSTRAINT "threat_notes_case_id_threat_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."threat_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_notes" ADD CONSTRAINT "threat_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_tasks" ADD CONSTRAINT "threat_tasks_case_id_threat_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."threat_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_tasks" ADD CONSTRAINT "threat_tasks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_attachments" ADD CONSTRAINT "tip_attachments_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_links" ADD CONSTRAINT "tip_links_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_links" ADD CONSTRAINT "tip_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_messages" ADD CONSTRAINT "tip_messages_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_messages" ADD CONSTRAINT "tip_messages_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "threat_case_members_user_idx" ON "threat_case_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "threat_cases_district_number_idx" ON "threat_cases" USING btree ("district_id","number");--> statement-breakpoint
CREATE INDEX "threat_cases_school_idx" ON "threat_cases" USING btree ("school_id","opened_at");--> statement-breakpoint
CREATE INDEX "threat_notes_case_idx" ON "threat_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "threat_tasks_case_idx" ON "threat_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "tip_messages_tip_idx" ON "tip_messages" USING btree ("tip_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tips_code_hash_idx" ON "tips" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "tips_district_number_idx" ON "tips" USING btree ("district_id","number");--> statement-breakpoint
CREATE INDEX "tips_school_created_idx" ON "tips" USING btree ("school_id","created_at");