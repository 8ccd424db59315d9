import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface PageProps {
  title: string;
  /** A short line under the title. */
  description?: ReactNode;
  /** Buttons shown beside the title. */
  actions?: ReactNode;
  /** Where this page sits: [{ label, to }] shown before the title. */
  breadcrumbs?: { label: string; to: string }[];
  children: ReactNode;
}

/** The frame of every page: breadcrumbs, the one h1 (focused after navigation), actions and content. */
export function Page({ title, description, actions, breadcrumbs, children }: PageProps) {
  useEffect(() => {
    document.title = `${title} · SRO Desk`;
  }, [title]);
  return (
    <div className="page">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav aria-label="Breadcrumb" className="breadcrumbs">
          <ol>
            {breadcrumbs.map((b) => (
              <li key={b.to}>
                <Link to={b.to}>{b.label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="page-head">
        <div>
          <h1 tabIndex={-1} className="page-title">
            {title}
          </h1>
          {description && <p className="page-description muted">{description}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

/** A titled card section of a page. */
export function Section({
  title,
  actions,
  children,
  id,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className="card section" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{title}</h2>
        {actions && <div className="row">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
