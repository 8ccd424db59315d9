CREATE TABLE "outbox_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"urgent_ttl_hours" integer DEFAULT 24 NOT NULL,
	"other_ttl_hours" integer DEFAULT 168 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_settings_urgent_ttl" CHECK ("outbox_settings"."urgent_ttl_hours" between 1 and 720),
	CONSTRAINT "outbox_settings_other_ttl" CHECK ("outbox_settings"."other_ttl_hours" between 1 and 2160)
);
--> statement-breakpoint
CREATE TABLE "stored_file_chunks" (
	"key" text NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "stored_file_chunks_key_seq_pk" PRIMARY KEY("key","seq")
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"key" text PRIMARY KEY NOT NULL,
	"store" text NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"chunks" integer DEFAULT 0 NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"key_id" text NOT NULL,
	"nonce" "bytea" NOT NULL,
	"complete" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_settings" ADD CONSTRAINT "outbox_settings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_file_chunks" ADD CONSTRAINT "stored_file_chunks_key_stored_files_key_fk" FOREIGN KEY ("key") REFERENCES "public"."stored_files"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_key_id_idx" ON "stored_files" USING btree ("key_id");