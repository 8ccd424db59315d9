CREATE TABLE "nibrs_export_items" (
	"export_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"action" text NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nibrs_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"month" text NOT NULL,
	"ori" text NOT NULL,
	"counts" jsonb NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "nibrs_ori" text;--> statement-breakpoint
ALTER TABLE "incident_actions" ADD COLUMN "arrest" jsonb;--> statement-breakpoint
ALTER TABLE "incident_offenses" ADD COLUMN "nibrs" jsonb DEFAULT '{"offenderUsing":[],"bias":[],"criminalActivity":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_persons" ADD COLUMN "nibrs" jsonb;--> statement-breakpoint
ALTER TABLE "incident_versions" ADD COLUMN "edit_session" uuid;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "property" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "clearance" jsonb;--> statement-breakpoint
ALTER TABLE "nibrs_export_items" ADD CONSTRAINT "nibrs_export_items_export_id_nibrs_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."nibrs_exports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nibrs_export_items" ADD CONSTRAINT "nibrs_export_items_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nibrs_exports" ADD CONSTRAINT "nibrs_exports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nibrs_exports" ADD CONSTRAINT "nibrs_exports_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nibrs_export_items_incident_idx" ON "nibrs_export_items" USING btree ("incident_id","export_id");--> statement-breakpoint
CREATE INDEX "nibrs_exports_district_idx" ON "nibrs_exports" USING btree ("district_id","created_at");