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
ALTER TABLE "incident_seals" ADD CONSTRAINT "incident_seals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_seals" ADD CONSTRAINT "incident_seals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_seals" ADD CONSTRAINT "incident_seals_sealed_by_id_users_id_fk" FOREIGN KEY ("sealed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_seals" ADD CONSTRAINT "incident_seals_unsealed_by_id_users_id_fk" FOREIGN KEY ("unsealed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_seals" ADD CONSTRAINT "incident_seals_expunged_by_id_users_id_fk" FOREIGN KEY ("expunged_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_seals_current_key" ON "incident_seals" USING btree ("incident_id") WHERE "incident_seals"."state" <> 'unsealed';--> statement-breakpoint
CREATE INDEX "incident_seals_district_idx" ON "incident_seals" USING btree ("district_id","sealed_at");--> statement-breakpoint
CREATE INDEX "incident_seals_pending_idx" ON "incident_seals" USING btree ("state") WHERE "incident_seals"."state" in ('sealing', 'unsealing', 'expunging');