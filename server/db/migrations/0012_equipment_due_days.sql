CREATE TABLE "equipment_due_days" (
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "equipment_due_days_school_id_kind_day_pk" PRIMARY KEY("school_id","kind","day")
);
--> statement-breakpoint
DROP INDEX "equipment_items_due_idx";--> statement-breakpoint
ALTER TABLE "equipment_due_days" ADD CONSTRAINT "equipment_due_days_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_due_days" ADD CONSTRAINT "equipment_due_days_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "equipment_due_days_district_idx" ON "equipment_due_days" USING btree ("district_id","kind","day");--> statement-breakpoint
CREATE INDEX "equipment_items_inspection_idx" ON "equipment_items" USING btree ("school_id","next_inspection_on") WHERE not "equipment_items"."retired";--> statement-breakpoint
CREATE INDEX "equipment_items_expiry_idx" ON "equipment_items" USING btree ("district_id","next_expiry_on") WHERE not "equipment_items"."retired";