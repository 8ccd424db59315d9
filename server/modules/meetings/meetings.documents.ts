import type { SchoolDocument, SchoolDocumentBody, SchoolDocumentKind } from '../../../common/meetings.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { newFileKey, readStoredFile, transactionWithFiles } from '../../files/registry.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { requireTarget } from '../drills/drills.scope.js';
import { requirePdf } from '../plans/plans.policy.js';
import * as repo from './meetings.repository.js';

const PERMISSION = 'meeting.manage';

function toDocument(row: repo.DocumentRow, body: string | null): SchoolDocument {
  return {
    id: row.id, schoolId: row.schoolId, schoolName: row.schoolName, kind: row.kind, title: row.title, format: row.format, body,
    fileName: row.fileName, fileSize: row.fileSize, current: row.current, uploadedBy: { id: row.uploadedBy, name: row.uploaderName },
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

async function documentOf(ctx: ServiceContext, db: Db, id: string): Promise<SchoolDocument> {
  const [row] = await repo.findDocuments(db, ctx.actor.districtId, scopeOf(ctx.actor, PERMISSION), { id });
  if (!row) throw notFound('Document');
  const content = await repo.findDocumentContent(db, id);
  return toDocument(row, content?.body ?? null);
}

/** Every version of the MOU and written expectations of the actor's schools, newest first. */
export async function findDocuments(ctx: ServiceContext, f: { schoolId?: string; kind?: SchoolDocumentKind }): Promise<SchoolDocument[]> {
  if (f.schoolId) requireSchool(ctx.actor, PERMISSION, f.schoolId, 'School');
  return (await repo.findDocuments(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, PERMISSION), f)).map((r) => toDocument(r, null));
}

/** One version with its text. */
export function getDocument(ctx: ServiceContext, id: string): Promise<SchoolDocument> {
  return documentOf(ctx, ctx.db, id);
}

/** The PDF of a version; a text version has none (404). */
export async function documentFile(ctx: ServiceContext, id: string): Promise<{ body: Buffer; fileName: string }> {
  const doc = await documentOf(ctx, ctx.db, id);
  const content = await repo.findDocumentContent(ctx.db, doc.id);
  const body = doc.format === 'pdf' && content ? await readStoredFile(ctx.db, content.fileKey, content.legacyFile) : null;
  if (!content || !body) throw notFound('File');
  return { body, fileName: content.fileName ?? `${doc.kind}.pdf` };
}

/** A new version, as text or an uploaded PDF; it becomes the current one. Audited. */
export async function addDocument(
  ctx: ServiceContext, input: Omit<SchoolDocumentBody, 'body'> & { body?: string; pdf?: Buffer; fileName?: string },
): Promise<SchoolDocument> {
  if (input.pdf) requirePdf(input.pdf);
  return transactionWithFiles(ctx.db, async (tx, files) => {
    await requireTarget(tx, ctx.actor, PERMISSION, input.schoolId);
    const content = input.pdf
      ? { format: 'pdf' as const, fileKey: (await files.put(newFileKey('school-documents'), input.pdf)).key, fileName: input.fileName ?? `${input.kind}.pdf`, fileSize: input.pdf.length }
      : { format: 'text' as const, body: input.body! };
    const id = await repo.insertDocument(tx, {
      districtId: ctx.actor.districtId, schoolId: input.schoolId, kind: input.kind, title: input.title, ...content,
      uploadedBy: ctx.actor.userId, uploadedAt: ctx.clock.now(),
    });
    await writeAudit(tx, whoOf(ctx), { type: 'school_document.uploaded', schoolId: input.schoolId, subjectType: 'school_document', subjectId: id, detail: { kind: input.kind, format: content.format } });
    return documentOf(ctx, tx, id);
  });
}
