/**
 * One tooltip for the page's canvas views: views call show/hide (through usePage().tooltip)
 * from pointer handlers; the text is written to a single DOM node (no React render per move).
 */
export class TooltipHost {
  private node: HTMLDivElement | null = null;

  /** The layer's node (TooltipLayer), or null when it unmounts. */
  attach(node: HTMLDivElement | null): void {
    this.node = node;
  }

  readonly show = (clientX: number, clientY: number, lines: readonly string[]): void => {
    const node = this.node;
    if (!node) return;
    node.replaceChildren(...lines.map((l, i) => {
      const div = document.createElement('div');
      div.textContent = l;
      if (i === 0) div.className = 'tooltip-title';
      return div;
    }));
    node.hidden = false;
    const pad = 14;
    const { innerWidth, innerHeight } = window;
    const rect = node.getBoundingClientRect();
    const x = clientX + pad + rect.width > innerWidth ? clientX - pad - rect.width : clientX + pad;
    const y = clientY + pad + rect.height > innerHeight ? clientY - pad - rect.height : clientY + pad;
    node.style.transform = `translate(${Math.max(0, x)}px, ${Math.max(0, y)}px)`;
  };

  readonly hide = (): void => {
    if (this.node) this.node.hidden = true;
  };
}
