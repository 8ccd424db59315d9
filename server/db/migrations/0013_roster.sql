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
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
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
ALTER TABLE "roster_import_changes" ADD CONSTRAINT "roster_import_changes_job_id_roster_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."roster_import_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_settings" ADD CONSTRAINT "roster_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_import_jobs" ADD CONSTRAINT "roster_import_jobs_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;