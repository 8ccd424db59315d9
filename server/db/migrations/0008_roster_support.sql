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
ALTER TABLE "roster_import_jobs" ADD CONSTRAINT "roster_import_jobs_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_import_jobs" ADD CONSTRAINT "roster_import_jobs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_import_rejections" ADD CONSTRAINT "roster_import_rejections_job_id_roster_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."roster_import_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_enrollments" ADD CONSTRAINT "student_enrollments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_enrollments" ADD CONSTRAINT "student_enrollments_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_enrollments" ADD CONSTRAINT "student_enrollments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roster_import_jobs_district_idx" ON "roster_import_jobs" USING btree ("district_id","started_at");--> statement-breakpoint
CREATE INDEX "student_enrollments_student_idx" ON "student_enrollments" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "students_sourced_id_key" ON "students" USING btree ("district_id","sourced_id");