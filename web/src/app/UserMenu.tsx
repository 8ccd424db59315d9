import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { initialsOf, roleLabel } from '../lib/format.ts';
import { useSession } from '../lib/session.tsx';

/** The user's button in the header: opens a small panel with who they are, the profile and sign out. */
export function UserMenu() {
  const { user, roles, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
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
  }, [open]);

  if (!user) return null;
  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="user-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {initialsOf(user.name)}
        </span>
        <span className="visually-hidden">Account: </span>
        <span className="user-name">{user.name}</span>
      </button>
      {open && (
        <div id={panelId} className="user-panel">
          <div className="user-panel-who">
            <p>
              <strong>{user.name}</strong>
            </p>
            <p className="muted small">{user.email}</p>
            <p className="muted small">{roles.map(roleLabel).join(', ')}</p>
          </div>
          <ul>
            <li>
              <Link to="/profile" onClick={() => setOpen(false)}>
                Profile and security
              </Link>
            </li>
            <li>
              <button type="button" onClick={() => void signOut()}>
                Sign out
              </button>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
