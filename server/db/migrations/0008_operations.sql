CREATE TABLE "event_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"school_id" uuid,
	"token_hash" text NOT NULL,
	"rotated_at" timestamp with time zone,
	"last_fetched_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_feeds_school" CHECK (("event_feeds"."scope" = 'school') = ("event_feeds"."school_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "school_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"place" text,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"cover_sro_id" uuid,
	"cover_assigned_by" uuid,
	"cover_assigned_at" timestamp with time zone,
	"notes" text,
	"notes_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_events_order" CHECK ("school_events"."ends_at" > "school_events"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "meeting_action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advance_notice_schools" (
	"notice_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	CONSTRAINT "advance_notice_schools_notice_id_school_id_pk" PRIMARY KEY("notice_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "advance_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"sro_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"note" text,
	"coverage" text,
	"days_notice" integer NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advance_notices_order" CHECK ("advance_notices"."to_date" >= "advance_notices"."from_date")
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"attended" boolean NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"title" text NOT NULL,
	"place" text,
	"recurrence" text NOT NULL,
	"first_starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"until" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"series_id" uuid,
	"title" text NOT NULL,
	"place" text,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"agenda" text,
	"minutes" text,
	"cancelled" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_duration" CHECK ("meetings"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "presence_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"sro_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"left_at" timestamp with time zone NOT NULL,
	"expected_return_at" timestamp with time zone NOT NULL,
	"backup_contact" text NOT NULL,
	"returned_at" timestamp with time zone,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"format" text NOT NULL,
	"body" text,
	"file" "bytea",
	"file_name" text,
	"file_size" integer,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "school_documents_content" CHECK (("school_documents"."format" = 'text' and "school_documents"."body" is not null) or ("school_documents"."format" = 'pdf' and "school_documents"."file" is not null))
);
--> statement-breakpoint
CREATE TABLE "patrol_check_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checklist_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"area_id" uuid,
	"retired" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_check_results" (
	"run_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"area_id" uuid,
	"passed" boolean NOT NULL,
	"note" text,
	"work_order_id" uuid,
	CONSTRAINT "patrol_check_results_failed_note" CHECK ("patrol_check_results"."passed" or "patrol_check_results"."note" is not null)
);
--> statement-breakpoint
CREATE TABLE "patrol_check_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"checklist_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"notes" text,
	"failed_count" integer NOT NULL,
	"item_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patrol_check_runs_duration" CHECK ("patrol_check_runs"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "patrol_checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"area_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patrol_entries_duration" CHECK ("patrol_entries"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
ALTER TABLE "event_feeds" ADD CONSTRAINT "event_feeds_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_feeds" ADD CONSTRAINT "event_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_feeds" ADD CONSTRAINT "event_feeds_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_events" ADD CONSTRAINT "school_events_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_events" ADD CONSTRAINT "school_events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_events" ADD CONSTRAINT "school_events_cover_sro_id_users_id_fk" FOREIGN KEY ("cover_sro_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_events" ADD CONSTRAINT "school_events_cover_assigned_by_users_id_fk" FOREIGN KEY ("cover_assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_events" ADD CONSTRAINT "school_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_items" ADD CONSTRAINT "meeting_action_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_items" ADD CONSTRAINT "meeting_action_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_items" ADD CONSTRAINT "meeting_action_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_notice_schools" ADD CONSTRAINT "advance_notice_schools_notice_id_advance_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."advance_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_notice_schools" ADD CONSTRAINT "advance_notice_schools_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_notices" ADD CONSTRAINT "advance_notices_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_notices" ADD CONSTRAINT "advance_notices_sro_id_users_id_fk" FOREIGN KEY ("sro_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_series_id_meeting_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."meeting_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presence_notices" ADD CONSTRAINT "presence_notices_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presence_notices" ADD CONSTRAINT "presence_notices_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presence_notices" ADD CONSTRAINT "presence_notices_sro_id_users_id_fk" FOREIGN KEY ("sro_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_documents" ADD CONSTRAINT "school_documents_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_documents" ADD CONSTRAINT "school_documents_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_documents" ADD CONSTRAINT "school_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_check_items" ADD CONSTRAINT "patrol_check_items_checklist_id_patrol_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."patrol_checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_check_items" ADD CONSTRAINT "patrol_check_items_area_id_campus_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."campus_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_check_results" ADD CONSTRAINT "patrol_check_results_run_id_patrol_check_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."patrol_check_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_check_results" ADD CONSTRAINT "patrol_check_results_item_id_patrol_check_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."patrol_check_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_check_results" ADD CONSTRAINT "patrol_check_results_area_id_campus_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."campus_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_check_results" ADD CONSTRAINT "patrol_check_results_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_check_runs" ADD CONSTRAINT "patrol_check_runs_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_check_runs" ADD CONSTRAINT "patrol_check_runs_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_check_runs" ADD CONSTRAINT "patrol_check_runs_checklist_id_patrol_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."patrol_checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_check_runs" ADD CONSTRAINT "patrol_check_runs_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checklists" ADD CONSTRAINT "patrol_checklists_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checklists" ADD CONSTRAINT "patrol_checklists_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checklists" ADD CONSTRAINT "patrol_checklists_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_entries" ADD CONSTRAINT "patrol_entries_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_entries" ADD CONSTRAINT "patrol_entries_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_entries" ADD CONSTRAINT "patrol_entries_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_entries" ADD CONSTRAINT "patrol_entries_area_id_campus_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."campus_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_feeds_token_key" ON "event_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "event_feeds_user_idx" ON "event_feeds" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "school_events_school_idx" ON "school_events" USING btree ("school_id","starts_at");--> statement-breakpoint
CREATE INDEX "school_events_district_idx" ON "school_events" USING btree ("district_id","starts_at");--> statement-breakpoint
CREATE INDEX "school_events_cover_idx" ON "school_events" USING btree ("cover_sro_id","starts_at") WHERE "school_events"."cover_sro_id" is not null;--> statement-breakpoint
CREATE INDEX "meeting_action_items_meeting_idx" ON "meeting_action_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_action_items_owner_idx" ON "meeting_action_items" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "advance_notice_schools_school_idx" ON "advance_notice_schools" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "advance_notices_district_idx" ON "advance_notices" USING btree ("district_id","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_key" ON "meeting_attendance" USING btree ("meeting_id","user_id");--> statement-breakpoint
CREATE INDEX "meeting_series_school_idx" ON "meeting_series" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "meetings_school_idx" ON "meetings" USING btree ("school_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_series_idx" ON "meetings" USING btree ("series_id","starts_at");--> statement-breakpoint
CREATE INDEX "presence_notices_school_idx" ON "presence_notices" USING btree ("school_id","left_at");--> statement-breakpoint
CREATE UNIQUE INDEX "presence_notices_open_key" ON "presence_notices" USING btree ("sro_id","school_id") WHERE "presence_notices"."returned_at" is null;--> statement-breakpoint
CREATE INDEX "school_documents_school_idx" ON "school_documents" USING btree ("school_id","kind","uploaded_at");--> statement-breakpoint
CREATE INDEX "patrol_check_items_list_idx" ON "patrol_check_items" USING btree ("checklist_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_check_results_key" ON "patrol_check_results" USING btree ("run_id","item_id");--> statement-breakpoint
CREATE INDEX "patrol_check_runs_school_started_idx" ON "patrol_check_runs" USING btree ("school_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patrol_check_runs_list_idx" ON "patrol_check_runs" USING btree ("checklist_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patrol_checklists_school_idx" ON "patrol_checklists" USING btree ("school_id","name");--> statement-breakpoint
CREATE INDEX "patrol_entries_school_started_idx" ON "patrol_entries" USING btree ("school_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "patrol_entries_officer_started_idx" ON "patrol_entries" USING btree ("officer_id","started_at" DESC NULLS LAST);