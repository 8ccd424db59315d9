import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { PublicSurvey, SurveyResponseBody } from '@common/education.ts';
import { AuthFrame } from '../../../app/AuthFrame.tsx';
import { Button } from '../../../components/Button.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { TextAreaField } from '../../../components/Field.tsx';
import { Form, FormActions } from '../../../components/Form.tsx';
import { LoadState } from '../../../components/LoadState.tsx';
import { ApiError, api } from '../../../lib/api.ts';
import { formatDay } from '../../../lib/format.ts';
import { useAction, type Resource } from '../../../lib/hooks.ts';

const SCALE = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Neutral' },
  { value: 4, label: 'Agree' },
  { value: 5, label: 'Strongly agree' },
];

function SurveyForm({ token, survey, onSent }: { token: string; survey: PublicSurvey; onSent: () => void }) {
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const send = useAction(async () => {
    const body: SurveyResponseBody = { token, ratings, comment: comment.trim() || null };
    await api.post('/public/education/surveys/answer', body);
    onSent();
  });
  const submit = () => {
    const unanswered = survey.questions.filter((q) => ratings[q.key] === undefined).map((q) => q.key);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.getElementById(`q-${unanswered[0]}-1`)?.focus();
      return;
    }
    void send.run();
  };

  return (
    <Form onSubmit={submit} error={send.error} aria-label="Feedback survey">
      {missing.length > 0 && (
        <div className="banner banner-error" role="alert">
          <p className="banner-text">Please answer every question ({missing.length} left).</p>
        </div>
      )}
      {survey.questions.map((q) => (
        <fieldset
          key={q.key}
          className={missing.includes(q.key) ? 'radio-row field-invalid' : 'radio-row'}
          aria-invalid={missing.includes(q.key) || undefined}
        >
          <legend>{q.label}</legend>
          {SCALE.map((s) => (
            <label key={s.value}>
              <input
                id={`q-${q.key}-${s.value}`}
                type="radio"
                name={q.key}
                value={s.value}
                checked={ratings[q.key] === s.value}
                onChange={() => {
                  setRatings((r) => ({ ...r, [q.key]: s.value }));
                  setMissing((m) => m.filter((k) => k !== q.key));
                }}
              />
              {s.value} · {s.label}
            </label>
          ))}
        </fieldset>
      ))}
      <TextAreaField
        label="Anything else? (optional)"
        name="comment"
        maxLength={2000}
        value={comment}
        onChange={setComment}
        hint={survey.kind === 'student' ? 'Do not write your name: this survey is anonymous.' : undefined}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={send.busy} className="btn-block">
          Send feedback
        </Button>
      </FormActions>
    </Form>
  );
}

/**
 * Opens the survey of a token. A POST rather than a GET so the token stays out of API addresses and logs;
 * shaped like useApiData so LoadState shows loading, error and retry.
 */
function useSurvey(token: string): Resource<PublicSurvey> {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ key: string; data?: PublicSurvey; error?: Error }>({ key: '' });
  const key = `${version} ${token}`;
  useEffect(() => {
    let live = true;
    api.post<PublicSurvey>('/public/education/surveys/open', { token }).then(
      (data) => live && setState({ key, data }),
      (error: unknown) =>
        live && setState({ key, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [key, token]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const mutate = useCallback((data: PublicSurvey) => setState((s) => ({ ...s, data })), []);
  return {
    data: state.data,
    error: state.key === key ? (state.error ?? null) : null,
    loading: state.key !== key,
    reload,
    mutate,
  };
}

/** The public feedback survey of a class (teacher or student link): no sign-in, one page, ratings 1 to 5. */
export function SurveyPage() {
  const { token = '' } = useParams();
  const survey = useSurvey(token);
  const [sent, setSent] = useState(false);
  const notFound = survey.error instanceof ApiError && survey.error.code === 'not_found';

  return (
    <AuthFrame title="Class feedback" wide>
      {notFound ? (
        <ErrorBanner
          title="This survey link is not open"
          error={new Error('The link may be mistyped, or the survey has been closed.')}
        />
      ) : (
        <LoadState resource={survey} label="Loading the survey…">
          {(s) =>
            sent ? (
              <div className="banner banner-success" role="status">
                <p className="banner-text">Thank you! Your feedback is sent.</p>
              </div>
            ) : s.answered ? (
              <p>This survey has already been answered. Thank you!</p>
            ) : (
              <>
                <p>
                  <strong>{s.topicName}</strong> at {s.schoolName}
                  {s.deliveredOn ? `, ${formatDay(s.deliveredOn)}` : ''}. How much do you agree?
                </p>
                <SurveyForm token={token} survey={s} onSent={() => setSent(true)} />
              </>
            )
          }
        </LoadState>
      )}
    </AuthFrame>
  );
}
