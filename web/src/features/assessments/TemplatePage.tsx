import '../../styles/campus.css';
import { useState } from 'react';
import {
  ASSESSMENT_LAYERS,
  ASSESSMENT_LAYER_LABELS,
  type TemplateItem,
  type TemplateItemBody,
} from '@common/assessments.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useDistrictWide } from '../../lib/campus.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { AssessmentTabs, LAYER_OPTIONS } from './labels.tsx';

/** Adds a measure to the template or edits one (layer, wording, guidance, order, active). */
function TemplateItemForm({
  item,
  defaultLayer,
  onDone,
  onCancel,
}: {
  item?: TemplateItem;
  defaultLayer?: string;
  onDone: (item: TemplateItem) => void;
  onCancel: () => void;
}) {
  const [layer, setLayer] = useState<string>(item?.layer ?? defaultLayer ?? ASSESSMENT_LAYERS[0]);
  const [title, setTitle] = useState(item?.title ?? '');
  const [guidance, setGuidance] = useState(item?.guidance ?? '');
  const [position, setPosition] = useState(item ? String(item.position) : '');
  const [active, setActive] = useState(item?.active ?? true);
  const save = useAction(async () => {
    const body: TemplateItemBody = {
      layer: layer as TemplateItemBody['layer'],
      title: title.trim(),
      guidance: guidance.trim() || null,
      position: position === '' ? undefined : Number(position),
    };
    onDone(
      item
        ? await api.patch<TemplateItem>(`/assessment-template/${item.id}`, { ...body, active })
        : await api.post<TemplateItem>('/assessment-template', body),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={item ? 'Edit measure' : 'New measure'}
    >
      <div className="form-grid">
        <SelectField
          label="Layer"
          name="layer"
          value={layer}
          onChange={setLayer}
          options={LAYER_OPTIONS}
          error={err('layer')}
        />
        <TextField
          label="Order within the layer"
          name="position"
          type="number"
          inputMode="numeric"
          min={0}
          hint="Empty: last"
          value={position}
          onChange={setPosition}
          error={err('position')}
        />
        <TextField
          label="Measure"
          name="title"
          required
          maxLength={300}
          placeholder="Single visitor entrance with a secure vestibule"
          value={title}
          onChange={setTitle}
          error={err('title')}
          className="span-all"
        />
        <TextAreaField
          label="Guidance"
          name="guidance"
          hint="What the assessor looks for"
          maxLength={2000}
          value={guidance}
          onChange={setGuidance}
          error={err('guidance')}
          className="span-all"
        />
        {item && (
          <CheckboxField
            label="Active"
            hint="Inactive measures are not copied into new assessments"
            checked={active}
            onChange={setActive}
            className="span-all"
          />
        )}
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {item ? 'Save measure' : 'Add measure'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** The district's assessment template: the measures of each layer that new assessments copy. */
export function TemplatePage() {
  const canEdit = useDistrictWide('assessment.manage');
  const template = useApiData<{ items: TemplateItem[] }>('/assessment-template', { active: 'all' });
  const [dialog, setDialog] = useState<{ item?: TemplateItem; layer?: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Page
      title="Security assessments"
      description="The district template: the measures, by layer, that every new assessment starts with."
    >
      <AssessmentTabs />
      <Notice message={message} />
      <LoadState resource={template} label="Loading the template…">
        {({ items }) => (
          <div className="page-sections">
            {ASSESSMENT_LAYERS.map((layer) => {
              const rows = items.filter((i) => i.layer === layer).sort((a, b) => a.position - b.position);
              return (
                <Section
                  key={layer}
                  title={ASSESSMENT_LAYER_LABELS[layer]}
                  id={`template-${layer}`}
                  actions={
                    canEdit && (
                      <Button
                        size="small"
                        onClick={() => {
                          setMessage(null);
                          setDialog({ layer });
                        }}
                        aria-label={`Add a measure to ${ASSESSMENT_LAYER_LABELS[layer]}`}
                      >
                        Add a measure
                      </Button>
                    )
                  }
                >
                  {rows.length === 0 ? (
                    <EmptyState title="No measure in this layer." />
                  ) : (
                    <DataTable
                      caption={`Measures: ${ASSESSMENT_LAYER_LABELS[layer]}`}
                      rows={rows}
                      rowKey={(i) => i.id}
                      busy={template.loading}
                      columns={[
                        { header: 'Order', className: 'num', render: (i) => i.position },
                        {
                          header: 'Measure',
                          render: (i) => (
                            <span className="stack-tight">
                              <span>
                                {i.title} {!i.active && <Badge>Inactive</Badge>}
                              </span>
                              {i.guidance && <span className="muted small">{i.guidance}</span>}
                            </span>
                          ),
                        },
                        ...(canEdit
                          ? [
                              {
                                header: 'Actions',
                                className: 'actions',
                                hideLabelWhenStacked: true,
                                render: (i: TemplateItem) => (
                                  <Button
                                    size="small"
                                    onClick={() => {
                                      setMessage(null);
                                      setDialog({ item: i });
                                    }}
                                    aria-label={`Edit measure ${i.title}`}
                                  >
                                    Edit
                                  </Button>
                                ),
                              },
                            ]
                          : []),
                      ]}
                    />
                  )}
                </Section>
              );
            })}
          </div>
        )}
      </LoadState>
      <Dialog
        open={dialog !== null}
        title={dialog?.item ? 'Edit measure' : 'Add a measure'}
        onClose={() => setDialog(null)}
        wide
      >
        {dialog && (
          <TemplateItemForm
            item={dialog.item}
            defaultLayer={dialog.layer}
            onCancel={() => setDialog(null)}
            onDone={(i) => {
              setDialog(null);
              setMessage(`“${i.title}” is saved.`);
              template.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
