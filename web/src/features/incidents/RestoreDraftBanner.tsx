import type { StoredDraft } from '../../lib/draft-store.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Button } from '../../components/Button.tsx';
import { FormActions } from '../../components/Form.tsx';

/**
 * Offers back typing an earlier visit left on this device. Two plain buttons (Tab, Enter), announced politely;
 * a copy based on an older version says so, since restoring it puts it over what was saved since.
 */
export function RestoreDraftBanner<T>({
  offer,
  serverVersion,
  what,
  onRestore,
  onDiscard,
}: {
  offer: StoredDraft<T>;
  serverVersion: number;
  /** "report", "supplement 2": names the buttons for screen readers when several editors are on one page. */
  what: string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  return (
    <section className="banner banner-warning" aria-label={`Unsaved changes of ${what}`}>
      <div>
        <p className="banner-title" role="status" aria-live="polite">
          You have unsaved changes from {formatDateTime(offer.updatedAt)}
        </p>
        <p className="banner-text">
          They were typed on this device but never reached the server.
          {offer.version < serverVersion
            ? ' It was saved again after that; restoring puts your copy over those changes.'
            : ''}
        </p>
        <FormActions>
          <Button size="small" variant="primary" onClick={onRestore} aria-label={`Restore unsaved changes of ${what}`}>
            Restore
          </Button>
          <Button size="small" onClick={onDiscard} aria-label={`Discard unsaved changes of ${what}`}>
            Discard
          </Button>
        </FormActions>
      </div>
    </section>
  );
}
