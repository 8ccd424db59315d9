import { ApiError } from '../../../lib/api.ts';
import { useText } from './PublicFrame.tsx';
import type { StringKey } from './strings.ts';

// Field errors have a message of their own in the reporter's language; the server's text is English.
const FIELD_KEYS: Partial<Record<string, StringKey>> = {
  description: 'descriptionMissing',
  category: 'categoryMissing',
  schoolId: 'schoolRequired',
  attachment: 'attachmentInvalid',
  'attachment.contentBase64': 'attachmentInvalid',
};

/** The reporter's-language message of an error of the public pages. */
function useMessage(): (error: Error) => string {
  const { t, lang } = useText();
  return (error) => {
    if (!(error instanceof ApiError)) return t.networkError;
    if (error.code === 'network' || error.status >= 500) return t.networkError;
    if (error.code === 'not_found') return t.notFound;
    if (error.code === 'rate_limited' || error.status === 429) return t.tooMany;
    if (error.field) {
      const key = FIELD_KEYS[error.field];
      if (lang === 'es' || error.field.startsWith('attachment')) return key ? t[key] : t.fieldCheck;
      return error.message;
    }
    return lang === 'en' ? error.message : t.fieldCheck;
  };
}

/** The error of a public form, announced at once, in the reporter's language. */
export function PublicError({ error }: { error: Error | null }) {
  const { t } = useText();
  const message = useMessage();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <div>
        <p className="banner-title">{t.errorTitle}</p>
        <p className="banner-text">{message(error)}</p>
      </div>
    </div>
  );
}

/** A function giving the message to show under `field` when the last error names it. */
export function usePublicFieldError(error: Error | null): (field: string) => string | undefined {
  const message = useMessage();
  return (field) =>
    error instanceof ApiError && error.field && (error.field === field || error.field.startsWith(`${field}.`))
      ? message(error)
      : undefined;
}
