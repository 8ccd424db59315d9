CREATE TABLE "reentry_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"goal_id" uuid,
	"date" date NOT NULL,
	"note" text NOT NULL,
	"progress" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reentry_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"description" text NOT NULL,
	"target_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reentry_members" (
	"plan_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "reentry_members_plan_id_user_id_pk" PRIMARY KEY("plan_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "reentry_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"returning_from" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"summary" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_referral_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"referred_by" uuid NOT NULL,
	"receiver_kind" text NOT NULL,
	"counselor_id" uuid,
	"vendor_id" uuid,
	"reason" text NOT NULL,
	"details" text NOT NULL,
	"urgency" text NOT NULL,
	"consent" text NOT NULL,
	"consent_date" date,
	"status" text DEFAULT 'pending' NOT NULL,
	"accept_by" date NOT NULL,
	"due_on" date NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"decline_reason" text,
	"scheduled_for" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"outcome" text,
	"outcome_summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_team_action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"case_id" uuid,
	"meeting_id" uuid,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_team_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"concern" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_team_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"attendee_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "support_team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "support_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"focus" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reentry_check_ins" ADD CONSTRAINT "reentry_check_ins_plan_id_reentry_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reentry_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reentry_check_ins" ADD CONSTRAINT "reentry_check_ins_goal_id_reentry_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."reentry_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reentry_check_ins" ADD CONSTRAINT "reentry_check_ins_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reentry_goals" ADD CONSTRAINT "reentry_goals_plan_id_reentry_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reentry_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reentry_members" ADD CONSTRAINT "reentry_members_plan_id_reentry_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reentry_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reentry_members" ADD CONSTRAINT "reentry_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reentry_plans" ADD CONSTRAINT "reentry_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reentry_plans" ADD CONSTRAINT "reentry_plans_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reentry_plans" ADD CONSTRAINT "reentry_plans_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reentry_plans" ADD CONSTRAINT "reentry_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referral_notes" ADD CONSTRAINT "support_referral_notes_referral_id_support_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."support_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referral_notes" ADD CONSTRAINT "support_referral_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referrals" ADD CONSTRAINT "support_referrals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referrals" ADD CONSTRAINT "support_referrals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referrals" ADD CONSTRAINT "support_referrals_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referrals" ADD CONSTRAINT "support_referrals_referred_by_users_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referrals" ADD CONSTRAINT "support_referrals_counselor_id_users_id_fk" FOREIGN KEY ("counselor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referrals" ADD CONSTRAINT "support_referrals_vendor_id_directory_organizations_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."directory_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referrals" ADD CONSTRAINT "support_referrals_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_referrals" ADD CONSTRAINT "support_referrals_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_team_action_items" ADD CONSTRAINT "support_team_action_items_team_id_support_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."support_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_team_action_items" ADD CONSTRAINT "support_team_action_items_case_id_support_team_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."support_team_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_team_action_items" ADD CONSTRAINT "support_team_action_items_meeting_id_support_team_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."support_team_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_team_action_items" ADD CONSTRAINT "support_team_action_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_team_cases" ADD CONSTRAINT "support_team_cases_team_id_support_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."support_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_team_cases" ADD CONSTRAINT "support_team_cases_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_team_cases" ADD CONSTRAINT "support_team_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_team_meetings" ADD CONSTRAINT "support_team_meetings_team_id_support_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."support_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_team_meetings" ADD CONSTRAINT "support_team_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_team_members" ADD CONSTRAINT "support_team_members_team_id_support_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."support_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_team_members" ADD CONSTRAINT "support_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_teams" ADD CONSTRAINT "support_teams_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_teams" ADD CONSTRAINT "support_teams_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_teams" ADD CONSTRAINT "support_teams_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reentry_check_ins_plan_idx" ON "reentry_check_ins" USING btree ("plan_id","date");--> statement-breakpoint
CREATE INDEX "reentry_goals_plan_idx" ON "reentry_goals" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "reentry_members_user_idx" ON "reentry_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reentry_plans_school_idx" ON "reentry_plans" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "support_referral_notes_referral_idx" ON "support_referral_notes" USING btree ("referral_id","created_at");--> statement-breakpoint
CREATE INDEX "support_referrals_school_idx" ON "support_referrals" USING btree ("school_id","status","created_at");--> statement-breakpoint
CREATE INDEX "support_referrals_counselor_idx" ON "support_referrals" USING btree ("counselor_id","status");--> statement-breakpoint
CREATE INDEX "support_referrals_vendor_idx" ON "support_referrals" USING btree ("vendor_id","status");--> statement-breakpoint
CREATE INDEX "support_referrals_referrer_idx" ON "support_referrals" USING btree ("referred_by","status");--> statement-breakpoint
CREATE INDEX "support_referrals_student_idx" ON "support_referrals" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "support_team_action_items_team_idx" ON "support_team_action_items" USING btree ("team_id","status","due_on");--> statement-breakpoint
CREATE INDEX "support_team_cases_team_idx" ON "support_team_cases" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "support_team_cases_student_idx" ON "support_team_cases" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "support_team_meetings_team_idx" ON "support_team_meetings" USING btree ("team_id","held_at");--> statement-breakpoint
CREATE INDEX "support_team_members_user_idx" ON "support_team_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "support_teams_school_idx" ON "support_teams" USING btree ("school_id","name");--> statement-breakpoint
CREATE INDEX "education_classes_delivered_idx" ON "education_classes" USING btree ("district_id","scheduled_date") WHERE "education_classes"."status" = 'delivered';--> statement-breakpoint
CREATE INDEX "mediations_district_idx" ON "mediations" USING btree ("district_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "mentoring_contacts_district_idx" ON "mentoring_contacts" USING btree ("district_id","occurred_at","id");