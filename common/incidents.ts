/**
 * The API contract of calls for service, incidents, investigative reports and the discipline hand-off
 * (capabilities 2-4): enums, request bodies and answers, shared by the server and the web pages.
 *
 * Routes (all under /api; JSON unless said; a record outside the caller's scope answers 404):
 *   GET    /calls                              call.read         calls of my schools, newest first, keyset pages (?cursor)
 *   GET    /calls/queue                        call.read         live queue: open calls at my schools, priority then age (poll it)
 *   POST   /calls                              call.create       take a call (only call.dispatch holders may set source other than staff)
 *   GET    /calls/:id                          call.read         one call (audited)
 *   PATCH  /calls/:id                          call.dispatch     assign, arrive, clear (disposition required to clear), change
 *   GET    /incidents                          incident.read     list + search (q full-text) + filters, keyset pages (audited as a search)
 *   GET    /incidents/export.csv               incident.read     the filtered list as CSV (text/csv; audited)
 *   GET    /incidents/crdc                     report.export     CRDC counts of student referrals to law enforcement and arrests
 *   GET    /incidents/reference                incident.read     NIBRS offenses, locations, weapon/force codes and the enums below
 *   POST   /incidents                          incident.create   new draft (optionally from a call: callId); number 2026-000123
 *   GET    /incidents/:id                      incident.read     the incident in full (audited); narrative only with incident.narrative.read
 *   PATCH  /incidents/:id                      incident.create   save a draft/returned report (autosave too); body.version must be current,
 *                                                                 else 409 { error, current: IncidentDetail }
 *   POST   /incidents/:id/submit               incident.create   draft/returned -> submitted
 *   POST   /incidents/:id/return               incident.approve  submitted -> returned with a comment (a supervisor of the school, not the author)
 *   POST   /incidents/:id/approve              incident.approve  submitted -> approved (locked)
 *   POST   /incidents/:id/seal                 incident.seal     seal with a reason: gone from every list, search, export and audit content
 *   GET    /incidents/:id/versions             incident.read     every saved version (no content)
 *   GET    /incidents/:id/versions/:versionId  incident.read     one version's snapshot (audited)
 *   GET    /incidents/:id/report.pdf           incident.narrative.read  printable approved report (application/pdf; audited)
 *   POST   /incidents/:id/supplements          incident.create   new supplement draft on an approved report
 *   PATCH  /incidents/:id/supplements/:sid     incident.create   save a supplement (version as above)
 *   POST   /incidents/:id/supplements/:sid/submit|return|approve  same review as a report (incident.create / incident.approve)
 *   POST   /incidents/:id/attachments          incident.create   raw bytes (any Content-Type), ?fileName=&supplementId=; type sniffed from bytes
 *   GET    /incident-attachments/:id/content   incident.narrative.read  the evidence file (audited), served only through this route
 *   POST   /incidents/:id/referrals            incident.refer    explicit referral to administration or counseling, sharing a chosen summary
 *   POST   /incidents/:id/tasks                incident.create   follow-up task with owner and due date
 *   GET    /incident-tasks                     incident.read     open tasks (mine by default), due first, with clocks
 *   PATCH  /incident-tasks/:id                 incident.create   change or complete a task
 *   GET    /incident-students                  incident.create   roster lookup to name a student in a report (?q=name or number; directory fields only)
 *   GET    /discipline-referrals               discipline.receive  referrals to administration at my schools (what they share only)
 *   PATCH  /discipline-referrals/:id           discipline.receive  acknowledge or close
 *   GET    /counseling-referrals               referral.manage   referrals to counseling at my schools
 *   PATCH  /counseling-referrals/:id           referral.manage   acknowledge or close
 */
export * from './incidents/enums.js';
export { idParams, supplementParams, versionParams, versionField } from './incidents/shared.js';
export * from './incidents/calls.js';
export * from './incidents/segments.js';
export * from './incidents/bodies.js';
export * from './incidents/answers.js';
export * from './incidents/types.js';
export * from './incidents/nibrs-submission.js';
