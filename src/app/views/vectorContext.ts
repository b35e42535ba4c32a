/** Whether a drawing context writes vectors (an export's SvgContext) rather than pixels: bitmap shortcuts (putImageData, cached offscreen canvases) then draw shapes instead. */
export function isVectorContext(ctx: CanvasRenderingContext2D): boolean {
  return (ctx as unknown as { readonly vector?: boolean }).vector === true;
}
