import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { NotificationPage } from '@common/notifications.ts';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useLiveReload } from '../home/useLiveReload.ts';

const RELOAD_ON = ['needs.changed', 'tip.life_safety', 'alert.announced'] as const;

/** The bell in the header: unread count, the latest notifications, mark one or all read. */
export function NotificationBell() {
  const page = useApiData<NotificationPage>('/notifications');
  useLiveReload(RELOAD_ON, page.reload);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { reload } = page;

  useEffect(() => {
    if (!open) return;
    reload();
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, reload]);

  const unread = page.data?.unread ?? 0;
  const items = page.data?.items ?? [];
  const markRead = (id: string) => {
    setOpen(false);
    void api.post(`/notifications/${id}/read`).then(reload, reload);
  };
  const markAll = () => void api.post('/notifications/read-all').then(reload, reload);

  return (
    <div className="bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">🔔</span>
        <span className="visually-hidden">Notifications, {unread} unread</span>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div id={panelId} className="bell-panel" role="region" aria-label="Notifications">
          <div className="bell-head">
            <strong>Notifications</strong>
            {unread > 0 && (
              <button type="button" className="link-button" onClick={markAll}>
                Mark all read
              </button>
            )}
          </div>
          {items.length === 0 ? (
            <p className="muted small bell-empty">Nothing new. What needs you is on the home page.</p>
          ) : (
            <ul className="bell-list">
              {items.slice(0, 15).map((n) => (
                <li key={n.id} className={n.readAt ? 'bell-item' : 'bell-item bell-unread'}>
                  <Link to={n.link} onClick={() => markRead(n.id)}>
                    {!n.readAt && <span className="visually-hidden">Unread: </span>}
                    {n.title}
                  </Link>
                  <span className="muted small">{formatDateTime(n.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="small bell-foot">
            <Link to="/profile#notifications" onClick={() => setOpen(false)}>
              Choose how you are notified
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
