import { z } from 'zod';
import { text, optionalText } from './text.js';

// Campus security assessments (capability 19; CISA K-12 School Security Guide layers): a district template of
// measures, an assessment of a campus that copies it, ratings with confidence, findings with remediation, and a
// comparison of two assessments of the same campus. Visible to administrators, SROs, security staff and the
// district only (assessment.read).

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const ref = z.object({ id: z.uuid(), name: z.string() });

export const ASSESSMENT_LAYERS = [
  'district_policies', 'grounds_perimeter', 'building_exterior', 'building_interior', 'digital_infrastructure',
] as const;
export type AssessmentLayer = (typeof ASSESSMENT_LAYERS)[number];
export const ASSESSMENT_LAYER_LABELS: Record<AssessmentLayer, string> = {
  district_policies: 'District-wide policies',
  grounds_perimeter: 'Grounds perimeter',
  building_exterior: 'Building perimeter and exterior',
  building_interior: 'Building interior',
  digital_infrastructure: 'Digital infrastructure',
};

export const ASSESSMENT_RATINGS = ['in_place', 'partial', 'absent', 'not_applicable'] as const;
export type AssessmentRating = (typeof ASSESSMENT_RATINGS)[number];
export const ASSESSMENT_RATING_LABELS: Record<AssessmentRating, string> = {
  in_place: 'In place', partial: 'Partial', absent: 'Absent', not_applicable: 'Not applicable',
};
/** Order used by the comparison: higher is better; not_applicable is not compared. */
export const RATING_SCORE: Record<Exclude<AssessmentRating, 'not_applicable'>, number> = { absent: 0, partial: 1, in_place: 2 };

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const FINDING_SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const FINDING_STATUSES = ['open', 'in_progress', 'remediated', 'accepted_risk'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open', in_progress: 'In progress', remediated: 'Remediated', accepted_risk: 'Risk accepted',
};

export const ASSESSMENT_STATUSES = ['in_progress', 'completed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

// ───────────────────────── district template ─────────────────────────

/** POST /assessment-template (assessment.manage with a district grant). */
export const templateItemBody = z.strictObject({
  layer: z.enum(ASSESSMENT_LAYERS),
  title: text(300).describe('The measure, e.g. "Single visitor entrance with a secure vestibule"'),
  guidance: optionalText(2000).describe('What to look for'),
  position: z.number().int().min(0).max(10_000).optional().describe('Order within the layer; default last'),
});
export type TemplateItemBody = z.infer<typeof templateItemBody>;
/** PATCH /assessment-template/:id. Inactive items are not copied into new assessments. */
export const templateItemUpdateBody = templateItemBody.partial().extend({ active: z.boolean().optional() });
export type TemplateItemUpdateBody = z.infer<typeof templateItemUpdateBody>;

export const templateItemSchema = z.object({
  id: z.uuid(),
  layer: z.enum(ASSESSMENT_LAYERS),
  title: z.string(),
  guidance: z.string().nullable(),
  position: z.number().int(),
  active: z.boolean(),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;
export const listTemplateQuery = z.strictObject({ active: z.enum(['true', 'false', 'all']).default('true') });

// ───────────────────────── assessments ─────────────────────────

/** POST /assessments: copies the district's active template items. */
export const assessmentBody = z.strictObject({
  schoolId: z.uuid(),
  title: text(200).optional().describe('Default: "<school> security assessment <date>"'),
  startedOn: day.describe('Not in the future'),
  notes: optionalText(4000),
});
export type AssessmentBody = z.infer<typeof assessmentBody>;
/** PATCH /assessments/:id (only while in progress). */
export const assessmentUpdateBody = z.strictObject({ title: text(200), startedOn: day, notes: optionalText(4000) }).partial();

/** POST /assessments/:id/complete. Every item must be rated first (409 naming the first unrated item otherwise). */
export const completeAssessmentBody = z.strictObject({ completedOn: day.describe('Not before startedOn, not in the future') });

export const listAssessmentsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  status: z.enum(ASSESSMENT_STATUSES).optional(),
});

/** PATCH /assessments/:id/items/:itemId (only while in progress). */
export const assessmentItemUpdateBody = z.strictObject({
  rating: z.enum(ASSESSMENT_RATINGS).nullable(),
  confidence: z.enum(CONFIDENCE_LEVELS).nullable(),
  notes: optionalText(4000),
}).partial();
export type AssessmentItemUpdateBody = z.infer<typeof assessmentItemUpdateBody>;

/** Photos: POST /assessments/:id/items/:itemId/photos with an image body (image/jpeg, image/png, image/webp; type sniffed). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const photoQuery = z.strictObject({ caption: optionalText(300) });
export const photoSchema = z.object({
  id: z.uuid(),
  contentType: z.enum(PHOTO_TYPES),
  size: z.number().int(),
  caption: z.string().nullable(),
  url: z.string().describe('GET it for the image'),
  uploadedBy: ref,
  uploadedAt: z.string(),
});
export type Photo = z.infer<typeof photoSchema>;

export const assessmentItemSchema = z.object({
  id: z.uuid(),
  templateItemId: z.uuid().nullable(),
  layer: z.enum(ASSESSMENT_LAYERS),
  title: z.string(),
  guidance: z.string().nullable(),
  position: z.number().int(),
  rating: z.enum(ASSESSMENT_RATINGS).nullable(),
  confidence: z.enum(CONFIDENCE_LEVELS).nullable(),
  notes: z.string().nullable(),
  photos: z.array(photoSchema),
});
export type AssessmentItem = z.infer<typeof assessmentItemSchema>;

// ───────────────────────── findings ─────────────────────────

/** POST /assessments/:id/findings. `createWorkOrder: true` opens a work order (source assessment_finding). */
export const findingBody = z.strictObject({
  itemId: z.uuid().nullable().optional().describe('The assessment item it is about'),
  title: text(300),
  description: optionalText(4000),
  severity: z.enum(FINDING_SEVERITIES),
  ownerId: z.uuid().nullable().optional().describe('Remediation owner: a user of the district'),
  dueOn: day.nullable().optional(),
  createWorkOrder: z.boolean().default(false),
});
export type FindingBody = z.infer<typeof findingBody>;
/** PATCH /assessment-findings/:id (also after the assessment is completed: remediation goes on). */
export const findingUpdateBody = z.strictObject({
  title: text(300),
  description: optionalText(4000),
  severity: z.enum(FINDING_SEVERITIES),
  ownerId: z.uuid().nullable(),
  dueOn: day.nullable(),
  status: z.enum(FINDING_STATUSES),
  remediationNotes: optionalText(4000),
  createWorkOrder: z.literal(true).describe('Open a work order now if it has none'),
}).partial();
export type FindingUpdateBody = z.infer<typeof findingUpdateBody>;

export const listFindingsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  assessmentId: z.uuid().optional(),
  status: z.enum([...FINDING_STATUSES, 'unresolved']).optional().describe('unresolved: open or in progress'),
  severity: z.enum(FINDING_SEVERITIES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const findingSchema = z.object({
  id: z.uuid(),
  assessmentId: z.uuid(),
  school: ref,
  item: z.object({ id: z.uuid(), title: z.string(), layer: z.enum(ASSESSMENT_LAYERS) }).nullable(),
  title: z.string(),
  description: z.string().nullable(),
  severity: z.enum(FINDING_SEVERITIES),
  owner: ref.nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  status: z.enum(FINDING_STATUSES),
  remediationNotes: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  workOrder: z.object({ id: z.uuid(), number: z.string(), status: z.string() }).nullable(),
  createdBy: ref,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

export const assessmentSchema = z.object({
  id: z.uuid(),
  school: ref,
  title: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  startedOn: z.string(),
  completedOn: z.string().nullable(),
  notes: z.string().nullable(),
  lead: ref.describe('Who started it'),
  itemCount: z.number().int(),
  ratedCount: z.number().int(),
  ratingCounts: z.object({ in_place: z.number().int(), partial: z.number().int(), absent: z.number().int(), not_applicable: z.number().int() }),
  openFindings: z.number().int().describe('Open or in progress'),
  updatedAt: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;
export const assessmentDetailSchema = assessmentSchema.extend({
  items: z.array(assessmentItemSchema).describe('Ordered by layer then position'),
  findings: z.array(findingSchema),
});
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;

// ───────────────────────── comparison ─────────────────────────

/** GET /assessments/compare?from=&to=: two assessments of the same campus (400 naming `to` otherwise). */
export const compareQuery = z.strictObject({ from: z.uuid(), to: z.uuid() });
export const COMPARISON_CHANGES = ['improved', 'declined', 'same', 'not_comparable'] as const;
export type ComparisonChange = (typeof COMPARISON_CHANGES)[number];
export const comparisonRowSchema = z.object({
  templateItemId: z.uuid().nullable(),
  layer: z.enum(ASSESSMENT_LAYERS),
  title: z.string(),
  then: z.enum(ASSESSMENT_RATINGS).nullable().describe('null: unrated or not in the earlier assessment'),
  now: z.enum(ASSESSMENT_RATINGS).nullable(),
  change: z.enum(COMPARISON_CHANGES).describe('not_comparable: missing, unrated or not applicable on either side'),
});
export type ComparisonRow = z.infer<typeof comparisonRowSchema>;
export const comparisonSchema = z.object({
  school: ref,
  from: assessmentSchema,
  to: assessmentSchema,
  rows: z.array(comparisonRowSchema),
  summary: z.object({ improved: z.number().int(), declined: z.number().int(), same: z.number().int(), not_comparable: z.number().int() }),
});
export type Comparison = z.infer<typeof comparisonSchema>;
