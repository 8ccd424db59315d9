import { useEffect, useRef, useState } from 'react';
import { TIP_LIMITS } from '@common/tip-constants.ts';
import type { ReporterView } from '@common/tips.ts';
import { Button } from '../../../components/Button.tsx';
import { TextAreaField, TextField } from '../../../components/Field.tsx';
import { api } from '../../../lib/api.ts';
import { useAction } from '../../../lib/hooks.ts';
import { tipToken } from '../tipApi.ts';
import { categoryText, dateTimeText, statusKey } from './labels.ts';
import { PublicError, usePublicFieldError } from './PublicError.tsx';
import { PublicFrame, useText } from './PublicFrame.tsx';

interface Access {
  code: string;
  passphrase: string;
}

/** The reporter's page: enter the tip code and passphrase, read the team's answers and write back. */
export function CheckTipPage() {
  return (
    <PublicFrame title={(t) => t.checkTitle}>
      <CheckTip />
    </PublicFrame>
  );
}

function CheckTip() {
  const { t } = useText();
  // Kept in memory only: closing the tab (or "Close my tip") forgets them.
  const [access, setAccess] = useState<Access | null>(null);
  const [view, setView] = useState<ReporterView | null>(null);
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const open = useAction(async () => {
    const entered = { code: code.trim(), passphrase: passphrase.trim() };
    const answer = await api.post<ReporterView>('/public/tips/dialogue', {
      token: await tipToken(),
      ...entered,
    });
    setAccess(entered);
    setView(answer);
    setPassphrase('');
  });
  const fieldError = usePublicFieldError(open.error);

  if (access && view)
    return (
      <Dialogue
        access={access}
        view={view}
        onView={setView}
        onClose={() => {
          setAccess(null);
          setView(null);
          setCode('');
        }}
      />
    );

  return (
    <>
      <p>{t.checkIntro}</p>
      <form
        className="form"
        aria-label={t.checkTitle}
        onSubmit={(e) => {
          e.preventDefault();
          void open.run();
        }}
      >
        <PublicError error={open.error} />
        <TextField
          label={t.tipCode}
          name="code"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="XXXX-XXXX-XXXX"
          value={code}
          onChange={setCode}
          error={fieldError('code')}
        />
        <TextField
          label={t.passphrase}
          name="passphrase"
          type="password"
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={passphrase}
          onChange={setPassphrase}
          error={fieldError('passphrase')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={open.busy} className="btn-block">
            {open.busy ? t.opening : t.open}
          </Button>
        </div>
      </form>
    </>
  );
}

function Dialogue({
  access,
  view,
  onView,
  onClose,
}: {
  access: Access;
  view: ReporterView;
  onView: (view: ReporterView) => void;
  onClose: () => void;
}) {
  const { t, lang } = useText();
  const [body, setBody] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const reply = useAction(async () => {
    const answer = await api.post<ReporterView>('/public/tips/messages', {
      token: await tipToken(),
      ...access,
      body,
    });
    onView(answer);
    setBody('');
    return t.replySent;
  });
  const fieldError = usePublicFieldError(reply.error);
  const closed = view.status === 'closed';

  return (
    <div className="stack">
      <section className="stack" aria-labelledby="tip-view-title">
        <h2 id="tip-view-title" ref={heading} tabIndex={-1}>
          {t.yourTip} <span className="mono">{view.code}</span>
        </h2>
        <dl className="details">
          <div>
            <dt>{t.status}</dt>
            <dd data-tip-status={view.status}>{t[statusKey(view.status)]}</dd>
          </div>
          <div>
            <dt>{t.schoolLabel}</dt>
            <dd>{view.schoolName}</dd>
          </div>
          <div>
            <dt>{t.categoryLegend}</dt>
            <dd>{categoryText(view.category, lang)}</dd>
          </div>
          <div>
            <dt>{t.tipSent}</dt>
            <dd>
              <time dateTime={view.submittedAt}>{dateTimeText(view.submittedAt, lang)}</time>
            </dd>
          </div>
        </dl>
        <p className="narrative-text">{view.description}</p>
      </section>
      <section className="stack" aria-labelledby="tip-messages-title">
        <h2 id="tip-messages-title">{t.conversation}</h2>
        {view.messages.length === 0 ? (
          <p className="muted">{t.noMessages}</p>
        ) : (
          <ol className="tip-thread" aria-label={t.conversation}>
            {view.messages.map((m) => (
              <li key={m.id} className={m.author === 'staff' ? 'tip-message theirs' : 'tip-message mine'}>
                <p className="tip-message-meta small">
                  <strong>{m.author === 'staff' ? t.team : t.you}</strong> ·{' '}
                  <time dateTime={m.at}>{dateTimeText(m.at, lang)}</time>
                </p>
                <p className="narrative-text">{m.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {closed ? (
        <p className="banner banner-info">{t.closedNote}</p>
      ) : (
        <form
          className="form"
          aria-label={t.replyLabel}
          onSubmit={(e) => {
            e.preventDefault();
            void reply.run();
          }}
        >
          <PublicError error={reply.error} />
          <div aria-live="polite" role="status" className="notice-region">
            {reply.success && (
              <div className="banner banner-success">
                <p className="banner-text">{reply.success}</p>
              </div>
            )}
          </div>
          <TextAreaField
            label={t.replyLabel}
            name="body"
            required
            rows={4}
            maxLength={TIP_LIMITS.messageMax}
            value={body}
            onChange={setBody}
            error={fieldError('body')}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={reply.busy}>
              {t.replySend}
            </Button>
            <Button variant="ghost" onClick={onClose}>
              {t.signOutTip}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
