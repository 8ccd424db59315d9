CREATE TABLE "roster_guardians" (
	"district_id" uuid NOT NULL,
	"sourced_id" text NOT NULL,
	"guardian_id" uuid NOT NULL,
	CONSTRAINT "roster_guardians_district_id_sourced_id_pk" PRIMARY KEY("district_id","sourced_id")
);
--> statement-breakpoint
ALTER TABLE "roster_guardians" ADD CONSTRAINT "roster_guardians_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_guardians" ADD CONSTRAINT "roster_guardians_guardian_id_guardians_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."guardians"("id") ON DELETE no action ON UPDATE no action;