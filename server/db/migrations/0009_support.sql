CREATE TABLE "education_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"topic" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"preferred_dates" jsonb NOT NULL,
	"grade_level" integer NOT NULL,
	"class_size" integer NOT NULL,
	"request_notes" text,
	"instructor_id" uuid,
	"decision_reason" text,
	"scheduled_date" date,
	"start_time" text,
	"starts_at" timestamp with time zone,
	"duration_minutes" integer,
	"room" text,
	"attendance" integer,
	"grade_levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delivery_notes" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "education_classes_attendance" CHECK ("education_classes"."attendance" is null or "education_classes"."attendance" between 0 and "education_classes"."class_size"),
	CONSTRAINT "education_classes_duration" CHECK ("education_classes"."duration_minutes" is null or "education_classes"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "education_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "education_survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ratings" jsonb NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "education_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "education_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"student_id" uuid,
	"name" text,
	"relation" text,
	CONSTRAINT "mediation_parties_who" CHECK (("mediation_parties"."student_id" is null) <> ("mediation_parties"."name" is null))
);
--> statement-breakpoint
CREATE TABLE "mediations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"outcome" text NOT NULL,
	"follow_up_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediations_duration" CHECK ("mediations"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "mentoring_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"topic" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_contacts_duration" CHECK ("mentoring_contacts"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "outreach_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid,
	"title" text NOT NULL,
	"audience" text NOT NULL,
	"topic" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"people_reached" integer NOT NULL,
	"notes" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_events_duration" CHECK ("outreach_events"."duration_minutes" between 1 and 1440),
	CONSTRAINT "outreach_events_reached" CHECK ("outreach_events"."people_reached" >= 0)
);
--> statement-breakpoint
CREATE TABLE "roster_import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"started_by" uuid,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"phase" text NOT NULL,
	"processed" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"counts" jsonb NOT NULL,
	"error" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "roster_import_rejections" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"file" text NOT NULL,
	"line" integer NOT NULL,
	"sourced_id" text,
	"reason" text NOT NULL,
	CONSTRAINT "roster_import_rejections_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "student_enrollments" (
	"district_id" uuid NOT NULL,
	"sourced_id" text NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"class_sourced_id" text NOT NULL,
	"primary" boolean DEFAULT false NOT NULL,
	"begin_date" date,
	"end_date" date,
	CONSTRAINT "student_enrollments_district_id_sourced_id_pk" PRIMARY KEY("district_id","sourced_id")
);
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "sourced_id" text;--> statement-breakpoint
ALTER TABLE "education_classes" ADD CONSTRAINT "education_classes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_classes" ADD CONSTRAINT "education_classes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_classes" ADD CONSTRAINT "education_classes_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_classes" ADD CONSTRAINT "education_classes_instructor_id_users_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_materials" ADD CONSTRAINT "education_materials_class_id_education_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."education_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_materials" ADD CONSTRAINT "education_materials_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_survey_responses" ADD CONSTRAINT "education_survey_responses_survey_id_education_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."education_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_survey_responses" ADD CONSTRAINT "education_survey_responses_class_id_education_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."education_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_surveys" ADD CONSTRAINT "education_surveys_class_id_education_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."education_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_topics" ADD CONSTRAINT "education_topics_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_parties" ADD CONSTRAINT "mediation_parties_mediation_id_mediations_id_fk" FOREIGN KEY ("mediation_id") REFERENCES "public"."mediations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_parties" ADD CONSTRAINT "mediation_parties_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediations" ADD CONSTRAINT "mediations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediations" ADD CONSTRAINT "mediations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediations" ADD CONSTRAINT "mediations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_contacts" ADD CONSTRAINT "mentoring_contacts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_contacts" ADD CONSTRAINT "mentoring_contacts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_contacts" ADD CONSTRAINT "mentoring_contacts_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_contacts" ADD CONSTRAINT "mentoring_contacts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_import_jobs" ADD CONSTRAINT "roster_import_jobs_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_import_jobs" ADD CONSTRAINT "roster_import_jobs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_import_rejections" ADD CONSTRAINT "roster_import_rejections_job_id_roster_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."roster_import_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_enrollments" ADD CONSTRAINT "student_enrollments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_enrollments" ADD CONSTRAINT "student_enrollments_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_enrollments" ADD CONSTRAINT "student_enrollments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "education_classes_number_key" ON "education_classes" USING btree ("district_id","year","number");--> statement-breakpoint
CREATE INDEX "education_classes_school_idx" ON "education_classes" USING btree ("school_id","status","scheduled_date");--> statement-breakpoint
CREATE INDEX "education_classes_requester_idx" ON "education_classes" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE INDEX "education_materials_class_idx" ON "education_materials" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "education_survey_responses_class_idx" ON "education_survey_responses" USING btree ("class_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "education_surveys_token_key" ON "education_surveys" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "education_surveys_class_idx" ON "education_surveys" USING btree ("class_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "education_topics_key" ON "education_topics" USING btree ("district_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_parties_position_key" ON "mediation_parties" USING btree ("mediation_id","position");--> statement-breakpoint
CREATE INDEX "mediation_parties_student_idx" ON "mediation_parties" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "mediations_school_idx" ON "mediations" USING btree ("school_id","occurred_at");--> statement-breakpoint
CREATE INDEX "mediations_author_idx" ON "mediations" USING btree ("author_id","occurred_at");--> statement-breakpoint
CREATE INDEX "mentoring_contacts_school_idx" ON "mentoring_contacts" USING btree ("school_id","occurred_at");--> statement-breakpoint
CREATE INDEX "mentoring_contacts_student_idx" ON "mentoring_contacts" USING btree ("student_id","occurred_at");--> statement-breakpoint
CREATE INDEX "mentoring_contacts_author_idx" ON "mentoring_contacts" USING btree ("author_id","occurred_at");--> statement-breakpoint
CREATE INDEX "outreach_events_district_idx" ON "outreach_events" USING btree ("district_id","occurred_at");--> statement-breakpoint
CREATE INDEX "outreach_events_school_idx" ON "outreach_events" USING btree ("school_id","occurred_at");--> statement-breakpoint
CREATE INDEX "roster_import_jobs_district_idx" ON "roster_import_jobs" USING btree ("district_id","started_at");--> statement-breakpoint
CREATE INDEX "student_enrollments_student_idx" ON "student_enrollments" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "students_sourced_id_key" ON "students" USING btree ("district_id","sourced_id");