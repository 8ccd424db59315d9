import { useState } from 'react';
import {
  INVESTIGATIVE_THEMES,
  THREAT_NOTE_KINDS,
  type InvestigativeTheme,
  type ThreatNoteKind,
} from '@common/tip-constants.ts';
import type { ThreatCase } from '@common/tips.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatDay, todayIso } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { INTERVIEWEE_ROLE_LABELS, INTERVIEWEE_ROLES, NOTE_KIND_LABELS, THEME_LABELS } from './labels.ts';

type Role = (typeof INTERVIEWEE_ROLES)[number];

/** Interviews, investigative themes, monitoring entries and notes of a case, newest first, and a form. */
export function CaseNotes({
  threatCase,
  canManage,
  onChange,
  defaultKind = 'interview',
}: {
  threatCase: ThreatCase;
  canManage: boolean;
  onChange: (threatCase: ThreatCase) => void;
  defaultKind?: ThreatNoteKind;
}) {
  const [kind, setKind] = useState<ThreatNoteKind>(defaultKind);
  const [interviewee, setInterviewee] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [theme, setTheme] = useState<InvestigativeTheme | ''>('');
  const [occurredOn, setOccurredOn] = useState(todayIso());
  const [body, setBody] = useState('');
  const add = useAction(async () => {
    onChange(
      await api.post<ThreatCase>(`/threat-cases/${threatCase.id}/notes`, {
        kind,
        interviewee: kind === 'interview' ? interviewee : undefined,
        intervieweeRole: kind === 'interview' && role ? role : undefined,
        theme: kind === 'theme' && theme ? theme : undefined,
        occurredOn: occurredOn || undefined,
        body,
      }),
    );
    setBody('');
    setInterviewee('');
    return 'The note was added.';
  });
  const notes = [...threatCase.notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Section title="Interviews and notes" id="case-notes">
      {notes.length === 0 ? (
        <EmptyState title="No notes yet.">
          Record interviews and the investigative themes as you go.
        </EmptyState>
      ) : (
        <ul className="list-rows case-notes" aria-label="Notes">
          {notes.map((n) => (
            <li key={n.id}>
              <span className="stack">
                <span className="row">
                  <Badge tone={n.kind === 'monitoring' ? 'info' : 'neutral'}>
                    {NOTE_KIND_LABELS[n.kind]}
                  </Badge>
                  {n.theme && <strong>{THEME_LABELS[n.theme]}</strong>}
                  {n.interviewee && (
                    <strong>
                      {n.interviewee}
                      {n.intervieweeRole && n.intervieweeRole in INTERVIEWEE_ROLE_LABELS
                        ? ` (${INTERVIEWEE_ROLE_LABELS[n.intervieweeRole as Role]})`
                        : ''}
                    </strong>
                  )}
                </span>
                <span className="narrative-text">{n.body}</span>
                <span className="muted small">
                  {n.authorName} · {n.occurredOn ? formatDay(n.occurredOn) : formatDateTime(n.createdAt)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canManage && threatCase.status !== 'closed' && (
        <Form
          onSubmit={() => void add.run()}
          error={add.error}
          success={add.success}
          className="mt-sm"
          aria-label="Add a note"
        >
          <div className="form-grid">
            <SelectField
              label="Kind"
              name="kind"
              value={kind}
              onChange={(v) => setKind(v as ThreatNoteKind)}
              options={THREAT_NOTE_KINDS.map((k) => ({ value: k, label: NOTE_KIND_LABELS[k] }))}
            />
            {kind === 'interview' && (
              <>
                <TextField
                  label="Interviewee"
                  name="interviewee"
                  required
                  value={interviewee}
                  onChange={setInterviewee}
                  error={fieldError(add.error, 'interviewee')}
                />
                <SelectField
                  label="Their role"
                  name="intervieweeRole"
                  value={role}
                  onChange={(v) => setRole(v as Role)}
                  options={INTERVIEWEE_ROLES.map((r) => ({ value: r, label: INTERVIEWEE_ROLE_LABELS[r] }))}
                  placeholder="Choose…"
                />
              </>
            )}
            {kind === 'theme' && (
              <SelectField
                label="Theme"
                name="theme"
                required
                value={theme}
                onChange={(v) => setTheme(v as InvestigativeTheme)}
                options={INVESTIGATIVE_THEMES.map((t) => ({ value: t, label: THEME_LABELS[t] }))}
                placeholder="Choose…"
                error={fieldError(add.error, 'theme')}
              />
            )}
            <TextField
              label="Date"
              name="occurredOn"
              type="date"
              value={occurredOn}
              onChange={setOccurredOn}
              error={fieldError(add.error, 'occurredOn')}
            />
          </div>
          <TextAreaField
            label="Note"
            name="body"
            required
            rows={3}
            value={body}
            onChange={setBody}
            error={fieldError(add.error, 'body')}
          />
          <FormActions>
            <Button type="submit" busy={add.busy}>
              Add note
            </Button>
          </FormActions>
        </Form>
      )}
    </Section>
  );
}
