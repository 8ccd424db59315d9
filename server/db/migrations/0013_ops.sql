CREATE TABLE "outbox_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"urgent_ttl_hours" integer DEFAULT 24 NOT NULL,
	"other_ttl_hours" integer DEFAULT 168 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_settings_urgent_ttl" CHECK ("outbox_settings"."urgent_ttl_hours" between 1 and 720),
	CONSTRAINT "outbox_settings_other_ttl" CHECK ("outbox_settings"."other_ttl_hours" between 1 and 2160)
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_settings" ADD CONSTRAINT "outbox_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;