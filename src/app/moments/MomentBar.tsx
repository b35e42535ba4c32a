/**
 * "Find the moment" on the Timeline region: a button per registered moment (the same actions as
 * keys 1 to 6 and a remote's F5), and the call name "Next call" looks for. Each stops the run
 * just before the event and plays it in slow motion (not with reduced motion).
 */
import { useId, useState } from 'react';
import { allMoments } from '../../engine/moments/registry';
import { usePageState, useSession } from '../session/context';
import { ActionButton } from '../components/ActionButton';
import './momentActions';
import './moments.css';

export function MomentBar() {
  const session = useSession();
  const comparing = usePageState((p) => p.sessions.length > 1);
  const [name, setName] = useState(session.moments.callName);
  const nameId = useId();
  if (comparing) return null;
  return (
    <div className="moments" role="group" aria-label="Find the moment">
      <span className="moments-label">Run to the</span>
      {allMoments().map((m) => (
        <ActionButton key={m.key} id={`moment-${m.key}`} className="btn btn-small" />
      ))}
      <label htmlFor={nameId} className="moments-label">
        call name
      </label>
      <input
        id={nameId}
        className="moments-name"
        value={name}
        placeholder="any"
        spellCheck={false}
        onChange={(e) => {
          setName(e.target.value);
          session.moments.callName = e.target.value;
        }}
      />
      <span className="moments-hint">(the selected process narrows Next call)</span>
    </div>
  );
}
