/** Words for a parameter's kind, unit and bounds: the columns of docs/parameters.md and `mos-explorer params`. */
import type { ParamSpec } from './paramSpecs';
import { formatNumber, rangeText } from './paramRules';

const KIND_WORDS: Readonly<Record<ParamSpec['kind'], string>> = {
  number: 'number',
  whole: 'whole number',
  boolean: 'true or false',
  enum: 'one of',
  text: 'text',
  names: 'list of names',
  records: 'list of records',
};

export function kindText(spec: ParamSpec): string {
  const kinds = spec.workloadKinds && spec.path !== 'workload.kind' ? ` (${spec.workloadKinds.join(', ')} workload)` : '';
  return KIND_WORDS[spec.kind] + kinds;
}

export function unitText(spec: ParamSpec): string {
  const u = spec.number?.unit ?? '';
  return u === '/s' ? 'per second' : u === '/ns' ? 'per ns' : u;
}

function valuesText(spec: ParamSpec): string {
  return spec.valuesLabel ?? (spec.values ?? []).join(', ');
}

export function boundsText(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
    case 'whole':
      return rangeText({ ...spec.number!, unit: '' });
    case 'boolean':
      return '';
    case 'enum':
      return valuesText(spec);
    case 'text':
      return 'at most 200 characters';
    case 'names': {
      const { min, max } = spec.items!;
      const each = spec.valuesLabel ? `, each ${spec.valuesLabel}` : spec.values ? ` of ${valuesText(spec)}` : '';
      return `${min > 0 ? `${min} to ${max}` : `up to ${formatNumber(max)}`}${each}`;
    }
    case 'records':
      return `up to ${spec.items!.max}, each with ${spec.fields!.map((f) => `${f.path.slice(f.path.lastIndexOf('.') + 1)} (${f.number ? rangeText(f.number) : KIND_WORDS[f.kind]})`).join(', ')}`;
  }
}
