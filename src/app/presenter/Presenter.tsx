/**
 * Presenter mode: one view of the left session at a time, filling the screen (useFitZoom), in
 * large type and high contrast, with a thick focus ring a laser pointer can follow. Page Up/Down
 * (a remote) move between views, B or . blank the screen, Esc or P leave (presenterActions.ts).
 */
import { Suspense, useRef } from 'react';
import { formatClock } from '../../engine/kernel/time';
import type { Frame } from '../../worker/protocol';
import { ActionButton } from '../components/ActionButton';
import { LiveText } from '../components/LiveText';
import { usePageState } from '../session/context';
import { useUi } from '../store';
import { VIEWS } from '../views';
import { useFitZoom } from './useFitZoom';
import { ShareButton } from '../share/ShareButton';
import './presenter.css';

const clock = (f: Frame) => formatClock(f.time);

export function Presenter() {
  const presenter = usePageState((p) => p.presenter) ?? { view: 0, blank: false };
  const config = useUi((s) => s.config);
  const n = VIEWS.length;
  const index = ((presenter.view % n) + n) % n;
  const { id, component: View } = VIEWS[index];
  const stageRef = useRef<HTMLElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  useFitZoom(stageRef, contentRef, id);
  return (
    <div className="presenter" data-presenting-view={id}>
      <div className="presenter-bar" role="group" aria-label="Presenter controls">
        <ActionButton id="previous-view" />
        <span className="presenter-position" aria-live="polite">View {index + 1} of {n}</span>
        <ActionButton id="next-view" />
        <ActionButton id="play" className="btn btn-primary" />
        <ActionButton id="step" />
        <LiveText label="Simulated time" format={clock} className="presenter-clock mono" />
        <span className="presenter-spacer" />
        <ShareButton />
        <ActionButton id="blank" />
        <ActionButton id="presenter" />
      </div>
      <main id="main" className="presenter-stage" ref={stageRef}>
        <div key={id} className="presenter-content" ref={contentRef} data-view={id}>
          <Suspense fallback={<p className="muted">Loading the view…</p>}>
            <View config={config} />
          </Suspense>
        </div>
      </main>
      {presenter.blank && (
        <div className="presenter-blank" role="status">
          <span className="presenter-blank-hint">Screen blanked: press B or . to show it</span>
        </div>
      )}
    </div>
  );
}
