import { useEffect, type ReactNode } from 'react';
import { BrandMark } from './BrandMark.tsx';

/** The centred frame of the screens before the app (sign-in, code step, forced set-up). */
export function AuthFrame({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  useEffect(() => {
    document.title = `${title} · SRO Desk`;
  }, [title]);
  return (
    <div className="auth-screen">
      <header className="auth-brand">
        <BrandMark />
        <span>SRO Desk</span>
      </header>
      <main id="main" className={wide ? 'card auth-card auth-card-wide' : 'card auth-card'}>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
