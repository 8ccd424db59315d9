import { Button } from './Button.tsx';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** What is counted ("students"). */
  noun: string;
}

/** Previous / next buttons with "51–100 of 6,012 students". */
export function Pagination({ page, pageSize, total, onPage, noun }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={`Pages of ${noun}`}>
      <p className="muted" aria-live="polite">
        {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()} {noun}
      </p>
      <div className="row">
        <Button size="small" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          Previous page
        </Button>
        <span className="muted small">
          Page {page} of {pages}
        </span>
        <Button size="small" onClick={() => onPage(page + 1)} disabled={page >= pages}>
          Next page
        </Button>
      </div>
    </nav>
  );
}
