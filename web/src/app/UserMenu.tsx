import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '../components/Button.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { FormActions } from '../components/Form.tsx';
import { initialsOf, roleLabel } from '../lib/format.ts';
import { useOffline } from '../lib/offline.tsx';
import { clearWrites } from '../lib/offline-queue.ts';
import { useSession } from '../lib/session.tsx';

/** The user's button in the header: opens a small panel with who they are, the profile and sign out. */
export function UserMenu() {
  const { user, roles, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [warning, setWarning] = useState(false);
  const { writes, userId } = useOffline();
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
              <button
                type="button"
                onClick={() => {
                  // Work not yet on the server is deleted at sign-out (the next user of the device must not send
                  // it): never without saying so first.
                  if (writes.length > 0) {
                    setOpen(false);
                    setWarning(true);
                  } else void signOut();
                }}
              >
                Sign out
              </button>
            </li>
          </ul>
        </div>
      )}
      <Dialog open={warning} title="Work not yet sent" onClose={() => setWarning(false)}>
        <p>
          {writes.length} {writes.length === 1 ? 'item' : 'items'} logged on this device{' '}
          {writes.length === 1 ? 'has' : 'have'} not reached the server. Signing out deletes{' '}
          {writes.length === 1 ? 'it' : 'them'} from this device.
        </p>
        <p>
          <Link to="/unsent" onClick={() => setWarning(false)}>
            See what is not yet sent
          </Link>
        </p>
        <FormActions>
          <Button onClick={() => setWarning(false)} variant="primary">
            Stay signed in
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              setWarning(false);
              void clearWrites(userId).finally(() => void signOut());
            }}
          >
            Delete and sign out
          </Button>
        </FormActions>
      </Dialog>
    </div>
  );
}
