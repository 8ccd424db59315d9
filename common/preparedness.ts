/*
 * The API contract of preparedness (issue 5): school calendars, drill rule sets, drills and their
 * compliance, safety plans with versions, reviews and staff acknowledgements, the SRP quick reference,
 * staff training and SRO certifications. Shared by the server (route schemas) and the web app.
 *
 * Routes (all under /api, session cookie; POST/PATCH/PUT/DELETE carry x-csrf-token). "Scope" means the
 * schools where the caller holds the permission; a record outside it answers 404 like a missing one.
 *
 * | method | path                                   | permission          | what it does |
 * |--------|----------------------------------------|---------------------|--------------|
 * | GET    | /calendars?schoolYear=&schoolId=       | drill.read          | Calendars of my schools (and the district default, schoolId null) → { items: Calendar[] } |
 * | PUT    | /calendars                             | drill.rules.manage  | Create or replace the calendar of a school year (CalendarBody; schoolId null = district default, needs district scope) → Calendar |
 * | GET    | /drill-rules/templates                 | drill.read          | The seeded state rule sets (NY, IL, TX, MI, CA, FL) → { items: RuleTemplate[] } |
 * | GET    | /drill-rules                           | drill.read          | The district's rule set: chosen state, settings and rules (district rules + rules of my schools) → RuleSet |
 * | PUT    | /drill-rules/state                     | drill.rules.manage  | District scope: pick a state set (ChooseStateBody); replaces the district-wide rules by the template's → RuleSet |
 * | PATCH  | /drill-rules/settings                  | drill.rules.manage  | District scope: atRiskDays, reminderRoles (RuleSettingsBody) → RuleSet |
 * | POST   | /drill-rules                           | drill.rules.manage  | Add a rule (RuleBody; schoolId null = district-wide, needs district scope; a school rule needs the school) → 201 DrillRule |
 * | PATCH  | /drill-rules/:id                       | drill.rules.manage  | Change a rule (partial RuleBody, schoolId cannot change) → DrillRule |
 * | DELETE | /drill-rules/:id                       | drill.rules.manage  | Remove a rule → 204 |
 * | GET    | /drills?schoolId=&schoolYear=&status=&type= | drill.read     | Drills of my schools, newest first → { items: Drill[] } |
 * | POST   | /drills                                | drill.record        | Schedule (status scheduled) or record (status completed, any past date: recording after the fact) a drill (DrillBody) → 201 Drill |
 * | GET    | /drills/:id                            | drill.read          | One drill → Drill |
 * | PATCH  | /drills/:id                            | drill.record        | Change, conduct (status completed with what happened) or cancel (status cancelled + cancelledReason) → Drill |
 * | GET    | /compliance/schools/:schoolId?schoolYear= | drill.read       | One school's compliance for a year: every rule with status and the drills counted → SchoolCompliance |
 * | GET    | /compliance/overview?schoolYear=       | drill.read          | Every school of my scope: status counts and each rule's status → ComplianceOverview |
 * | GET    | /compliance/report.csv?schoolYear=&schoolId= | drill.read    | Compliance report as CSV (one line per school, rule and period); schoolId optional |
 * | GET    | /compliance/report.pdf?schoolYear=&schoolId= | drill.read    | Compliance report as PDF; schoolId optional (all schools of my scope) |
 * | GET    | /drill-reminders                       | drill.read          | In-app reminders of windows closing soon at my schools → { items: DrillReminder[] } |
 * | POST   | /drill-reminders/run                   | drill.rules.manage  | District scope: make reminders now (also runs hourly): new ones are stored and e-mailed via the outbox → { created } |
 * | GET    | /outbox/status                         | district.manage     | E-mail outbox of my district: { pending, sent, failed, lastError } (operations) |
 * | GET    | /plans?schoolId=&kind=                 | plan.read           | Plans of my schools and the district's, with current version and my acknowledgement → { items: Plan[] } |
 * | POST   | /plans                                 | plan.manage         | New plan with its first version written in the app (PlanBody) → 201 Plan |
 * | GET    | /plans/:id                             | plan.read           | One plan with all versions and reviews → PlanDetail |
 * | PATCH  | /plans/:id                             | plan.manage         | Rename or archive (PlanUpdateBody) → Plan |
 * | POST   | /plans/:id/versions                    | plan.manage         | New written version (VersionBody, JSON) → 201 PlanVersion |
 * | POST   | /plans/:id/versions/pdf?changeSummary= | plan.manage         | New version as an uploaded PDF: raw body, content-type application/pdf, up to 10 MB (checked by its bytes) → 201 PlanVersion |
 * | GET    | /plan-versions/:id/content             | plan.read           | The PDF of an uploaded version (application/pdf) or the written text (text/plain) |
 * | POST   | /plans/:id/reviews                     | plan.approve        | Annual review of the current version (ReviewBody): approver = caller, date → 201 PlanReview |
 * | POST   | /plans/:id/acknowledge                 | plan.read           | I confirm I read the current version → Acknowledgement (idempotent) |
 * | GET    | /plans/:id/acknowledgements            | plan.manage         | Who acknowledged the current version and who has not → AcknowledgementStatus |
 * | GET    | /srp                                   | plan.read           | SRP quick reference: the five actions, shelter strategies, reunification steps, my schools' protocol documents → SrpReference |
 * | GET    | /trainings?schoolId=&from=&to=         | training.manage     | Training sessions at my schools (and district-wide ones) → { items: TrainingSession[] } |
 * | POST   | /trainings                             | training.manage     | New session given by me (TrainingBody) → 201 TrainingSessionDetail |
 * | GET    | /trainings/:id                         | training.manage     | One session with attendance → TrainingSessionDetail |
 * | PATCH  | /trainings/:id                         | training.manage     | Change a session → TrainingSessionDetail |
 * | PUT    | /trainings/:id/attendance              | training.manage     | Replace the attendance list (AttendanceBody) → TrainingSessionDetail |
 * | GET    | /trainings/mine                        | training.read       | My completed trainings → { items: PersonTraining[] } |
 * | GET    | /training-requirements                 | training.read       | Required trainings that apply at my schools → { items: TrainingRequirement[] } |
 * | POST   | /training-requirements                 | training.manage     | New requirement (RequirementBody; schoolId null needs district scope) → 201 TrainingRequirement |
 * | PATCH  | /training-requirements/:id             | training.manage     | Change a requirement → TrainingRequirement |
 * | GET    | /training-requirements/missing?schoolId= | training.manage   | Who is missing a required training (never attended, or expired) → { items: MissingTraining[] } |
 * | GET    | /certifications/mine                   | training.read       | My certifications (SRO) → { items: Certification[] } |
 * | POST   | /certifications/mine                   | training.read       | Add my own certification (caller must hold the sro role) (CertificationBody) → 201 Certification |
 * | GET    | /certifications?userId=                | certification.manage| Certifications of the SROs I supervise → { items: Certification[] } |
 * | POST   | /certifications                        | certification.manage| Add a certification for an SRO I supervise (CertificationBody + userId) → 201 Certification |
 * | PATCH  | /certifications/:id                    | training.read       | Change one (its SRO, or their supervisor) → Certification |
 * | PUT    | /certifications/:id/document           | training.read       | Attach the document: raw body (application/pdf, image/png, image/jpeg; ≤ 10 MB) → Certification |
 * | GET    | /certifications/:id/document           | training.read       | The document (its SRO or their supervisor) |
 * | GET    | /certifications/due                    | certification.manage| Supervisor view: due within 60 days and lapsed, per SRO → CertificationsDue |
 *
 * Errors: { error: { code, message, field? } }; 400 names the field (e.g. `period`, `window.to`,
 * `minCount`, `durationMinutes`). SRO certifications are visible only to the SRO and to a supervisor
 * whose scope covers one of the SRO's schools (anyone else: 404 on a record, 403 on the list route).
 */

export * from './preparedness-drills.js';
export * from './preparedness-people.js';
