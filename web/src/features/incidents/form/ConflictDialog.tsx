import { LABELS } from '@common/incidents.ts';
import { Button } from '../../../components/Button.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import { FormActions } from '../../../components/Form.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { fromLocalInput } from '../labels.ts';
import { personName, type Draft } from './draft.ts';

interface Props {
  open: boolean;
  mine: Draft;
  theirs: Draft | null;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  /** Closes without choosing; saving stays paused until the user chooses. */
  onClose: () => void;
}

function clip(text: string, max = 400): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The fields that differ between my copy and the server's, as readable text. */
function differences(mine: Draft, theirs: Draft): { label: string; mine: string; theirs: string }[] {
  const rows: { label: string; mine: string; theirs: string }[] = [];
  const add = (label: string, a: string, b: string) => {
    if (a !== b) rows.push({ label, mine: a || '(empty)', theirs: b || '(empty)' });
  };
  add(
    'When',
    formatDateTime(fromLocalInput(mine.occurredAt)),
    formatDateTime(fromLocalInput(theirs.occurredAt)),
  );
  add('On campus', mine.onCampus ? 'Yes' : 'No', theirs.onCampus ? 'Yes' : 'No');
  add('Location', mine.locationText, theirs.locationText);
  add('Summary', mine.summary, theirs.summary);
  add('Narrative', clip(mine.narrative), clip(theirs.narrative));
  const offenses = (d: Draft) =>
    d.offenses
      .map((o) => (o.kind === 'nibrs' ? o.code : o.category ? LABELS.category[o.category] : ''))
      .join(', ');
  add('Offenses', offenses(mine), offenses(theirs));
  const persons = (d: Draft) =>
    d.persons.map((p, i) => `${personName(p, i)} (${LABELS.personRole[p.role]})`).join(', ');
  add('Persons', persons(mine), persons(theirs));
  const actions = (d: Draft) => d.actions.map((a) => LABELS.action[a.kind]).join(', ');
  add('Actions', actions(mine), actions(theirs));
  if (rows.length === 0 && JSON.stringify(mine) !== JSON.stringify(theirs))
    rows.push({
      label: 'Details',
      mine: 'Your version',
      theirs: 'Changed details (area, codes or contacts)',
    });
  return rows;
}

/** A stale save: shows what changed on the server and lets the user keep their text or take the saved one. */
export function ConflictDialog({ open, mine, theirs, busy, onKeepMine, onTakeTheirs, onClose }: Props) {
  const rows = theirs ? differences(mine, theirs) : [];
  return (
    <Dialog open={open} title="Someone else changed this report" onClose={onClose} wide>
      <p>
        The report was saved elsewhere (another tab or person) after you opened it. Your changes are not lost.
        Choose which version to keep:
      </p>
      {rows.length > 0 && (
        <table className="diff-table">
          <caption className="visually-hidden">Differences between your copy and the saved copy</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Yours</th>
              <th scope="col">Saved</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td data-label="Yours">{r.mine}</td>
                <td data-label="Saved">{r.theirs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormActions>
        <Button variant="primary" busy={busy} onClick={onKeepMine}>
          Keep mine
        </Button>
        <Button onClick={onTakeTheirs}>Take theirs</Button>
      </FormActions>
    </Dialog>
  );
}
