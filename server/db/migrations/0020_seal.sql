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
ALTER TABLE "incident_tasks" ALTER COLUMN "rule" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "drill_rules" ADD COLUMN "citation" jsonb;--> statement-breakpoint
ALTER TABLE "notification_rules" ADD CONSTRAINT "notification_rules_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_rules_key" ON "notification_rules" USING btree ("district_id","key");--> statement-breakpoint
CREATE INDEX "notification_rules_district_idx" ON "notification_rules" USING btree ("district_id","position");--> statement-breakpoint
DROP TYPE "public"."notification_rule";