/**
 * "Advanced costs": every other numeric parameter of the model, by section, in a disclosure that
 * starts collapsed. Each field shows its unit, carries the checker's bounds and shows its problem
 * beside it; the panel's Apply and Revert act on these fields too.
 */
import { useId } from 'react';
import { ADVANCED_GROUPS, inDraft, type AdvancedDraft, type AdvancedField } from './advancedFields';

interface Props {
  readonly draft: AdvancedDraft;
  /** Problems by path: a field's own check, or the whole configuration's (an overloaded CPU …). */
  readonly errors: ReadonlyMap<string, string>;
  readonly onChange: (path: string, text: string) => void;
  /** Open or not: kept by the panel, so that it stays open when an Apply renews the form. */
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
}

export function AdvancedCosts({ draft, errors, onChange, open, onToggle }: Props) {
  return (
    <details className="advanced" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>
        Advanced costs{errors.size > 0 && <span className="field-error"> ({errors.size} to fix)</span>}
      </summary>
      <div className="advanced-body">
        <p className="hint">Every other number of the model; docs/parameters.md gives each its source. The same keys work in a config file. Costs and durations applied mid-run change from that moment (the run before stays); the rest restarts the run.</p>
        {ADVANCED_GROUPS.filter((g) => g.fields.some((f) => inDraft(draft, f.path))).map((g) => (
          <fieldset key={g.key} className="field-group">
            <legend>{g.title}</legend>
            {g.fields.filter((f) => inDraft(draft, f.path)).map((f) => (
              <CostField key={f.path} field={f} text={draft[f.path] ?? ''} error={errors.get(f.path) ?? null} onChange={onChange} />
            ))}
          </fieldset>
        ))}
      </div>
    </details>
  );
}

function CostField({ field, text, error, onChange }: { field: AdvancedField; text: string; error: string | null; onChange: Props['onChange'] }) {
  const id = useId();
  const { rule } = field;
  const described = [field.unit ? `${id}-unit` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field field-cost">
      <label htmlFor={id} title={field.path}>{field.label}</label>
      <span className="cost-input">
        <input
          id={id}
          type="number"
          value={text}
          min={rule.offZero ? 0 : rule.min}
          max={rule.max}
          step={rule.kind === 'whole' ? 1 : 'any'}
          aria-invalid={error !== null}
          aria-describedby={described || undefined}
          onChange={(e) => onChange(field.path, e.currentTarget.value)}
        />
        {field.unit && <span id={`${id}-unit`} className="muted">{field.unit}</span>}
      </span>
      {error && <div id={`${id}-error`} className="field-error field-error-row" role="alert">{error}</div>}
    </div>
  );
}
