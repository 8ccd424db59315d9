CREATE TABLE "account_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "account_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "roster_class_teachers" (
	"district_id" uuid NOT NULL,
	"sourced_id" text NOT NULL,
	"class_sourced_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"primary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "roster_class_teachers_district_id_sourced_id_pk" PRIMARY KEY("district_id","sourced_id")
);
--> statement-breakpoint
CREATE TABLE "roster_classes" (
	"district_id" uuid NOT NULL,
	"sourced_id" text NOT NULL,
	"school_id" uuid NOT NULL,
	"title" text NOT NULL,
	"class_code" text,
	"periods" text,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "roster_classes_district_id_sourced_id_pk" PRIMARY KEY("district_id","sourced_id")
);
--> statement-breakpoint
CREATE TABLE "roster_guardians" (
	"district_id" uuid NOT NULL,
	"sourced_id" text NOT NULL,
	"guardian_id" uuid NOT NULL,
	CONSTRAINT "roster_guardians_district_id_sourced_id_pk" PRIMARY KEY("district_id","sourced_id")
);
--> statement-breakpoint
CREATE TABLE "roster_import_changes" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"before" jsonb,
	CONSTRAINT "roster_import_changes_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "roster_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"deactivate_threshold_pct" real DEFAULT 5 NOT NULL,
	"role_map" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_staff" (
	"district_id" uuid NOT NULL,
	"sourced_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"one_roster_role" text NOT NULL,
	CONSTRAINT "roster_staff_district_id_sourced_id_pk" PRIMARY KEY("district_id","sourced_id")
);
--> statement-breakpoint
ALTER TABLE "students" ALTER COLUMN "grade" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "students" ALTER COLUMN "date_of_birth" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "students" ALTER COLUMN "sex" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "students" ALTER COLUMN "race_ethnicity" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_import_jobs" ADD COLUMN "version" text;--> statement-breakpoint
ALTER TABLE "roster_import_jobs" ADD COLUMN "confirmation" jsonb;--> statement-breakpoint
ALTER TABLE "roster_import_jobs" ADD COLUMN "undone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roster_import_jobs" ADD COLUMN "undone_by" uuid;--> statement-breakpoint
ALTER TABLE "account_invitations" ADD CONSTRAINT "account_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_class_teachers" ADD CONSTRAINT "roster_class_teachers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_class_teachers" ADD CONSTRAINT "roster_class_teachers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_class_teachers" ADD CONSTRAINT "roster_class_teachers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_classes" ADD CONSTRAINT "roster_classes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_classes" ADD CONSTRAINT "roster_classes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_guardians" ADD CONSTRAINT "roster_guardians_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_guardians" ADD CONSTRAINT "roster_guardians_guardian_id_guardians_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."guardians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_import_changes" ADD CONSTRAINT "roster_import_changes_job_id_roster_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."roster_import_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_settings" ADD CONSTRAINT "roster_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_staff" ADD CONSTRAINT "roster_staff_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_staff" ADD CONSTRAINT "roster_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_invitations_user_idx" ON "account_invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "roster_class_teachers_user_idx" ON "roster_class_teachers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "roster_staff_user_idx" ON "roster_staff" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "roster_import_jobs" ADD CONSTRAINT "roster_import_jobs_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;