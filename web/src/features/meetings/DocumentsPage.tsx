import { useState } from 'react';
import {
  SCHOOL_DOCUMENT_KIND_LABELS,
  SCHOOL_DOCUMENT_KINDS,
  type SchoolDocument,
  type SchoolDocumentKind,
} from '@common/meetings.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { NoticeTabs } from '../notices/NoticeTabs.tsx';
import { DocumentForm } from './DocumentForm.tsx';

/** A text version, loaded when opened (lists leave the text out). */
function DocumentText({ id }: { id: string }) {
  const doc = useApiData<SchoolDocument>(`/school-documents/${id}`);
  return <LoadState resource={doc}>{(d) => <p className="pre-line plan-text">{d.body}</p>}</LoadState>;
}

const sizeOf = (bytes: number | null) =>
  bytes === null
    ? ''
    : bytes > 1_048_576
      ? `${(bytes / 1_048_576).toFixed(1)} MB`
      : `${Math.ceil(bytes / 1024)} KB`;

/** The MOU and the written expectations of each school, every version kept; upload a PDF or write a text. */
export function DocumentsPage() {
  const { schools, selectedSchoolId } = useSession();
  const [filters, setFilters] = useUrlFilters(['schoolId'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const docs = useApiData<{ items: SchoolDocument[] }>(
    '/school-documents',
    { schoolId },
    { keepPrevious: true },
  );
  const [adding, setAdding] = useState<SchoolDocumentKind | null>(null);
  const [reading, setReading] = useState<SchoolDocument | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Page
      title="MOU & expectations"
      description="The memorandum of understanding and the written expectations of the SRO at each school."
    >
      <NoticeTabs />
      <Notice message={message} />
      {schools.length > 1 && (
        <div role="search" className="filters" aria-label="Filter documents">
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schoolOptions)}
          />
        </div>
      )}
      <LoadState resource={docs} label="Loading documents…">
        {({ items }) => (
          <div className="page-sections">
            {SCHOOL_DOCUMENT_KINDS.map((kind) => {
              const versions = items.filter((d) => d.kind === kind);
              return (
                <Section
                  key={kind}
                  title={SCHOOL_DOCUMENT_KIND_LABELS[kind]}
                  id={`doc-${kind}`}
                  actions={
                    <Button
                      size="small"
                      onClick={() => {
                        setMessage(null);
                        setAdding(kind);
                      }}
                    >
                      Add a version
                    </Button>
                  }
                >
                  {versions.length === 0 ? (
                    <EmptyState title="Nothing on file yet." />
                  ) : (
                    <ul className="entry-cards" aria-label={SCHOOL_DOCUMENT_KIND_LABELS[kind]}>
                      {versions.map((d) => (
                        <li key={d.id} className="entry-card" data-document={d.title}>
                          <div className="row-between">
                            <strong>{d.title}</strong>
                            {d.current && <Badge tone="success">Current</Badge>}
                          </div>
                          <p className="small">
                            {d.schoolName} · {d.format === 'pdf' ? `PDF ${sizeOf(d.fileSize)}` : 'Text'} ·{' '}
                            {d.uploadedBy.name}, {formatDateTime(d.uploadedAt)}
                          </p>
                          <div className="row">
                            {d.format === 'pdf' ? (
                              <a
                                className="btn btn-secondary btn-small"
                                href={`/api/school-documents/${d.id}/file`}
                                target="_blank"
                                rel="noreferrer"
                              >
                                View PDF<span className="visually-hidden"> {d.title}</span>
                              </a>
                            ) : (
                              <Button
                                size="small"
                                onClick={() => setReading(d)}
                                aria-label={`Read ${d.title}`}
                              >
                                Read
                              </Button>
                            )}
                          </div>
                        </li>
                      ))}
                    </ul>
                  )}
                </Section>
              );
            })}
          </div>
        )}
      </LoadState>
      <Dialog
        open={adding !== null}
        title={adding ? `New version: ${SCHOOL_DOCUMENT_KIND_LABELS[adding]}` : 'New version'}
        onClose={() => setAdding(null)}
        wide
      >
        {adding && (
          <DocumentForm
            kind={adding}
            schoolOptions={schoolOptions}
            defaultSchoolId={schoolId || selectedSchoolId || schools[0]?.id || ''}
            onCancel={() => setAdding(null)}
            onDone={(d) => {
              setAdding(null);
              setMessage(`“${d.title}” is on file.`);
              docs.reload();
            }}
          />
        )}
      </Dialog>
      <Dialog
        open={reading !== null}
        title={reading?.title ?? 'Document'}
        onClose={() => setReading(null)}
        wide
      >
        {reading && <DocumentText id={reading.id} />}
      </Dialog>
    </Page>
  );
}
