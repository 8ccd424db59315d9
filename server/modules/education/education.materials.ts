import type { Material } from '../../../common/education.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { newFileKey, readStoredFile, transactionWithFiles } from '../../files/registry.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { documentType } from '../certifications/certifications.policy.js';
import { managedClass, readableClass } from './education.access.js';
import * as repo from './education.repository.js';

// Materials of a class: PDFs and images the SRO attaches (handouts, slides, sign-in sheets).

/** Attaches a material (PDF, PNG or JPEG by its bytes) to a class of a school where the actor teaches, audited. */
export async function addMaterial(ctx: ServiceContext, classId: string, bytes: Buffer, fileName: string): Promise<Material> {
  const row = await managedClass(ctx, classId);
  const contentType = documentType(bytes);
  return transactionWithFiles(ctx.db, async (tx, files) => {
    const { key } = await files.put(newFileKey('education-materials'), bytes);
    const id = await repo.insertMaterial(tx, {
      classId, fileName, contentType, size: bytes.length, fileKey: key, uploadedBy: ctx.actor.userId, uploadedAt: ctx.clock.now(),
    });
    await writeAudit(tx, whoOf(ctx), {
      type: 'education.material_added', subjectType: 'education_class', subjectId: classId, schoolId: row.c.schoolId, detail: { materialId: id, contentType, size: bytes.length },
    });
    return {
      id, fileName, contentType, size: bytes.length, uploadedBy: { id: ctx.actor.userId, name: ctx.actor.name }, uploadedAt: ctx.clock.now().toISOString(),
    };
  });
}

/** The bytes of a material of a class the actor may read. */
export async function getMaterial(ctx: ServiceContext, classId: string, materialId: string) {
  await readableClass(ctx, classId);
  const material = await repo.findMaterial(ctx.db, classId, materialId);
  const bytes = material && await readStoredFile(ctx.db, material.fileKey, material.legacyBytes);
  if (!material || !bytes) throw notFound('Material');
  return { fileName: material.fileName, contentType: material.contentType, bytes };
}

/** Removes a material from a class of a school where the actor teaches, audited. */
export async function removeMaterial(ctx: ServiceContext, classId: string, materialId: string): Promise<void> {
  const row = await managedClass(ctx, classId);
  const material = await repo.findMaterial(ctx.db, classId, materialId);
  if (!material) throw notFound('Material');
  await transactionWithFiles(ctx.db, async (tx, files) => {
    await repo.deleteMaterial(tx, materialId);
    if (material.fileKey) await files.remove(material.fileKey);
    await writeAudit(tx, whoOf(ctx), {
      type: 'education.material_removed', subjectType: 'education_class', subjectId: classId, schoolId: row.c.schoolId, detail: { materialId, fileName: material.fileName },
    });
  });
}
