import { useId, useState } from 'react';
import {
  STUDENT_QUESTIONS,
  STUDENT_QUESTION_LABELS,
  TEACHER_QUESTIONS,
  TEACHER_QUESTION_LABELS,
  type EducationClassDetail,
} from '@common/education.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, plural } from '../../lib/format.ts';
import { useAction } from '../../lib/hooks.ts';
import './education.css';

function Ratings({ labels, values }: { labels: [string, string][]; values: Record<string, number> }) {
  return (
    <dl className="details">
      {labels.map(([key, label]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd>{values[key] !== undefined ? `${Number(values[key]).toFixed(1)} of 5` : 'No answer'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A link shown once, with a button that copies it (the officer pastes it into the class's chat or slides). */
function CopyLink({ url }: { url: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Student survey link
      </label>
      <div className="copy-row">
        <input id={id} className="input" readOnly value={url} onFocus={(e) => e.target.select()} />
        <Button
          size="small"
          onClick={() =>
            void navigator.clipboard.writeText(url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          Copy link
        </Button>
      </div>
      <p className="field-hint" aria-live="polite">
        {copied
          ? 'Copied.'
          : 'Shown only now: copy it before you leave this page. Opening a new link closes this one.'}
      </p>
    </div>
  );
}

/**
 * Feedback of a delivered class: the teacher's survey (mailed to them) and an anonymous student survey whose
 * link the officer opens and shares; the results as averages per question and comments.
 */
export function FeedbackSection({
  cls,
  canManage,
  onChange,
}: {
  cls: EducationClassDetail;
  canManage: boolean;
  onChange: () => void;
}) {
  const { teacher, students } = cls.feedback;
  const [link, setLink] = useState<string | null>(null);
  const openLink = useAction(async () => {
    const answer = await api.post<{ url: string; token: string }>(
      `/education/classes/${cls.id}/student-survey`,
    );
    setLink(answer.url);
    onChange();
    return 'The student survey is open.';
  });
  const closeLink = useAction(async () => {
    await api.delete(`/education/classes/${cls.id}/student-survey`);
    setLink(null);
    onChange();
    return 'The student survey is closed.';
  });
  const remail = useAction(async () => {
    await api.post(`/education/classes/${cls.id}/feedback-link`);
    onChange();
    return `The feedback link is mailed to ${cls.requestedBy.name} again.`;
  });
  const error = openLink.error ?? closeLink.error ?? remail.error;

  return (
    <Section title="Feedback" id="feedback">
      <Notice message={openLink.success ?? closeLink.success ?? remail.success} />
      <ErrorBanner error={error} />
      <h3>Teacher ({cls.requestedBy.name})</h3>
      {teacher.answeredAt && teacher.ratings ? (
        <>
          <p className="muted small">Answered {formatDateTime(teacher.answeredAt)}</p>
          <Ratings
            labels={TEACHER_QUESTIONS.map((q) => [q, TEACHER_QUESTION_LABELS[q]])}
            values={teacher.ratings}
          />
          {teacher.comment && <blockquote className="pre-line">{teacher.comment}</blockquote>}
        </>
      ) : (
        <div className="stack">
          <p className="muted">
            {teacher.sentAt
              ? `Survey mailed ${formatDateTime(teacher.sentAt)}; no answer yet.`
              : 'The survey is mailed to the teacher when the delivery is recorded.'}
          </p>
          {canManage && cls.status === 'delivered' && (
            <div className="row">
              <Button size="small" busy={remail.busy} onClick={() => void remail.run()}>
                Mail the teacher's link again
              </Button>
            </div>
          )}
        </div>
      )}
      <h3>Students</h3>
      <p>
        {plural(students.responses, 'response')}
        {students.open ? ' · the survey is open' : ' · no survey open'}
      </p>
      {students.responses > 0 && (
        <Ratings
          labels={STUDENT_QUESTIONS.map((q) => [q, STUDENT_QUESTION_LABELS[q]])}
          values={students.averages}
        />
      )}
      {students.comments.length > 0 && (
        <ul className="plain-list stack" aria-label="Student comments">
          {students.comments.map((c, i) => (
            <li key={i} className="pre-line">
              “{c}”
            </li>
          ))}
        </ul>
      )}
      {link && <CopyLink url={link} />}
      {canManage && cls.status === 'delivered' && (
        <div className="row">
          <Button busy={openLink.busy} onClick={() => void openLink.run()}>
            {students.open ? 'New student survey link' : 'Open a student survey'}
          </Button>
          {students.open && (
            <Button variant="ghost" busy={closeLink.busy} onClick={() => void closeLink.run()}>
              Close the student survey
            </Button>
          )}
        </div>
      )}
    </Section>
  );
}
