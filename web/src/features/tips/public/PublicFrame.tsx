import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { BrandMark } from '../../../app/BrandMark.tsx';
import { LANGUAGES, STRINGS, type Language } from './strings.ts';

interface LanguageValue {
  lang: Language;
  t: (typeof STRINGS)[Language];
  /** A link to `path` keeping the chosen language. */
  href: (path: string) => string;
}

const LanguageContext = createContext<LanguageValue | null>(null);

/**
 * The language: `?lang=` in the address wins (the switch sets it, so a shared or bookmarked link keeps
 * it); otherwise the browser's own language. Nothing is stored on the device.
 */
function useLanguageChoice(): [Language, (lang: Language) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('lang');
  const fromBrowser: Language = navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
  const lang = LANGUAGES.find((l) => l === asked) ?? fromBrowser;
  const choose = (next: Language) =>
    setParams(
      (prev) => {
        const copy = new URLSearchParams(prev);
        copy.set('lang', next);
        return copy;
      },
      { replace: true },
    );
  return [lang, choose];
}

/** The strings of the chosen language (inside PublicFrame). */
export function useText(): LanguageValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useText must be used inside <PublicFrame>');
  return value;
}

/**
 * The frame of the public tip pages: no sign-in, no app navigation; the brand, a language switch and the
 * page. Sets the document language so screen readers pronounce Spanish as Spanish.
 */
export function PublicFrame({
  title,
  children,
}: {
  title: (t: LanguageValue['t']) => string;
  children: ReactNode;
}) {
  const [lang, choose] = useLanguageChoice();
  const t = STRINGS[lang];
  const pageTitle = title(t);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${pageTitle} · ${t.brand}`;
    return () => {
      document.documentElement.lang = 'en';
    };
  }, [lang, pageTitle, t.brand]);
  const other: Language = lang === 'en' ? 'es' : 'en';
  const href = (path: string) => `${path}?lang=${lang}`;

  return (
    <LanguageContext.Provider value={{ lang, t, href }}>
      <div className="auth-screen tip-screen">
        <header className="tip-brand">
          <span className="tip-brand-name">
            <BrandMark />
            <span>{t.brand}</span>
          </span>
          <button
            type="button"
            className="btn btn-small btn-outline-light"
            lang={other}
            aria-label={t.switchLabel}
            onClick={() => choose(other)}
          >
            {t.switchTo}
          </button>
        </header>
        <main id="main" className="card auth-card auth-card-wide tip-card" tabIndex={-1}>
          <h1 tabIndex={-1}>{pageTitle}</h1>
          {children}
        </main>
        <footer className="tip-foot small">
          <Link to={href('/report')}>{t.reportLink}</Link>
          <Link to={href('/report/check')}>{t.checkLink}</Link>
          <Link to="/">{t.staffSignIn}</Link>
        </footer>
      </div>
    </LanguageContext.Provider>
  );
}
