import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { TipReceipt } from '@common/tips.ts';
import { useText } from './PublicFrame.tsx';

/** One secret with a copy button (the clipboard may be refused: then the text is still there to write down). */
function Secret({ label, value, name }: { label: string; value: string; name: string }) {
  const { t } = useText();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="tip-secret">
      <dt>{label}</dt>
      <dd>
        <span className="secret-box tip-secret-value" data-secret={name}>
          {value}
        </span>
        <button
          type="button"
          className="btn btn-small btn-secondary"
          onClick={copy}
          aria-label={`${t.copy}: ${label}`}
        >
          {copied ? t.copied : t.copy}
        </button>
      </dd>
    </div>
  );
}

/** After sending: the tip code and passphrase, large, with the advice to write them down. */
export function ReceiptView({ receipt }: { receipt: TipReceipt }) {
  const { t, href } = useText();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="stack tip-receipt" aria-labelledby="tip-receipt-title">
      <h2 id="tip-receipt-title" ref={heading} tabIndex={-1}>
        {t.receiptTitle}
      </h2>
      {receipt.lifeSafety && (
        <p className="banner banner-warning">
          <strong>{t.emergency}</strong>
        </p>
      )}
      <p className="banner banner-info">
        <strong>{t.receiptIntro}</strong>
      </p>
      <dl className="tip-secrets">
        <Secret label={t.tipCode} value={receipt.code} name="code" />
        <Secret label={t.passphrase} value={receipt.passphrase} name="passphrase" />
      </dl>
      {receipt.attachmentRemoved && (
        <div className="stack">
          <p>{receipt.attachmentRemoved.length ? t.removedTitle : t.removedNothing}</p>
          {receipt.attachmentRemoved.length > 0 && (
            <ul aria-label={t.removedTitle}>
              {receipt.attachmentRemoved.map((r) => (
                <li key={r}>{t.removed[r]}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p>{t.receiptCheckLater}</p>
      <p className="row">
        <Link className="btn btn-primary" to={href('/report/check')}>
          {t.checkLink}
        </Link>
        <Link className="btn btn-secondary" to={href('/report')} reloadDocument>
          {t.reportLink}
        </Link>
      </p>
    </section>
  );
}
