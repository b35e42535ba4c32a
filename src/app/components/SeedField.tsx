/** The random seed: a whole number; an invalid entry is explained next to the field and the run goes on. */
import { useId, useState } from 'react';
import { useUi } from '../store';
import { usePage } from '../session/context';

export function SeedField() {
  const seed = useUi((s) => s.seed);
  const [text, setText] = useState(String(seed));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const page = usePage();
  const commit = () => {
    const t = text.trim();
    if (!/^\d+$/.test(t) || !Number.isSafeInteger(Number(t))) {
      setError(`"${text}" is not a whole number ≥ 0; still running seed ${seed}`);
      return;
    }
    setError(null);
    // Every session: compare mode runs both designs with the same seed.
    if (Number(t) !== seed) page.setSeed(Number(t));
  };
  return (
    <div className="seed">
      <label htmlFor={id}>Seed</label>
      <input
        id={id}
        className="seed-input mono"
        inputMode="numeric"
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {error && <span id={`${id}-error`} className="field-error" role="alert">{error}</span>}
    </div>
  );
}
