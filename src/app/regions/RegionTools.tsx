/** The tools in a region's corner: Export (PNG/SVG for slides) and "?" (what it shows, its lesson). */
import { RegionExport } from './RegionExport';
import { RegionHelp } from './RegionHelp';

export function RegionTools({ view }: { view: string }) {
  return (
    <div className="region-tools">
      <RegionExport view={view} />
      <RegionHelp view={view} />
    </div>
  );
}
