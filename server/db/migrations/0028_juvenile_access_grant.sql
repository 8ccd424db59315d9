ALTER TABLE "users" ADD COLUMN "juvenile_access_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "juvenile_access_by" uuid;