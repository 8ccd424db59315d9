import { useState } from 'react';
import { SUGGESTED_CHECK_ITEMS, type Checklist } from '@common/patrols.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useAreaOptions } from './useAreas.ts';

interface ItemDraft {
  key: string;
  id?: string;
  label: string;
  areaId: string;
}

let counter = 0;
const newKey = () => `new-${(counter += 1)}`;

/** A check list of a school (new or changed): its name and items, each optionally at a campus area. */
export function ChecklistForm({
  checklist,
  schoolOptions,
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  checklist?: Checklist;
  schoolOptions: Option[];
  defaultSchoolId: string;
  onDone: (c: Checklist) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(checklist?.school.id ?? defaultSchoolId);
  const [name, setName] = useState(checklist?.name ?? '');
  const [archived, setArchived] = useState(checklist?.archived ?? false);
  const [items, setItems] = useState<ItemDraft[]>(
    checklist?.items.map((i) => ({ key: i.id, id: i.id, label: i.label, areaId: i.area?.id ?? '' })) ?? [],
  );
  const areas = useAreaOptions(schoolId);
  const update = (key: string, change: Partial<ItemDraft>) =>
    setItems((prev) => prev.map((i) => (i.key === key ? { ...i, ...change } : i)));
  const add = (label = '') => setItems((prev) => [...prev, { key: newKey(), label, areaId: '' }]);

  const save = useAction(async () => {
    const body = {
      name: name.trim(),
      items: items.map((i) => ({
        ...(i.id ? { id: i.id } : {}),
        label: i.label.trim(),
        areaId: i.areaId || null,
      })),
    };
    onDone(
      checklist
        ? await api.patch<Checklist>(`/patrol-checklists/${checklist.id}`, { ...body, archived })
        : await api.post<Checklist>('/patrol-checklists', { ...body, schoolId }),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  const suggestions = SUGGESTED_CHECK_ITEMS.filter((s) => !items.some((i) => i.label.trim() === s));

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={checklist ? 'Edit check list' : 'New check list'}
    >
      <div className="form-grid">
        {!checklist && (
          <SelectField
            label="School"
            name="schoolId"
            required
            value={schoolId}
            onChange={setSchoolId}
            options={schoolOptions}
            error={err('schoolId')}
          />
        )}
        <TextField
          label="Name"
          name="name"
          required
          maxLength={200}
          value={name}
          onChange={setName}
          error={err('name')}
          hint="e.g. Morning lock-up check"
        />
      </div>
      <fieldset className="fieldset">
        <legend>Items</legend>
        {items.length === 0 && (
          <p className="muted small">No item yet: add one or pick a suggestion below.</p>
        )}
        <ol className="checklist-items">
          {items.map((item, index) => (
            <li key={item.key} className="checklist-item">
              <TextField
                label={`Item ${index + 1}`}
                required
                maxLength={200}
                value={item.label}
                onChange={(label) => update(item.key, { label })}
              />
              <SelectField
                label={`Where (item ${index + 1})`}
                value={item.areaId}
                onChange={(areaId) => update(item.key, { areaId })}
                options={areas.options}
                placeholder="Anywhere"
              />
              <Button
                size="small"
                variant="ghost"
                onClick={() => setItems((prev) => prev.filter((i) => i.key !== item.key))}
                aria-label={`Remove item ${index + 1}${item.label ? ` ${item.label}` : ''}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ol>
        {err('items') && <p className="field-error">{err('items')}</p>}
        <div className="row">
          <Button size="small" onClick={() => add()}>
            Add an item
          </Button>
        </div>
        {suggestions.length > 0 && (
          <div className="quick-picks" role="group" aria-label="Suggested items">
            {suggestions.map((s) => (
              <Button key={s} size="small" variant="ghost" onClick={() => add(s)}>
                + {s}
              </Button>
            ))}
          </div>
        )}
      </fieldset>
      {checklist && (
        <CheckboxField label="Archived (no longer run)" checked={archived} onChange={setArchived} />
      )}
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {checklist ? 'Save check list' : 'Create check list'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
