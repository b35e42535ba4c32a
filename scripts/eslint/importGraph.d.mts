// Types of importGraph.mjs for the TypeScript tests.
export interface RuntimeImport {
  readonly specifier: string;
  /** Offset of the quoted specifier in the text. */
  readonly start: number;
}
export function runtimeImports(text: string, fileName: string): RuntimeImport[];
export function runtimeSpecifiers(text: string, fileName: string): string[];
export function resolveSpecifier(fromFile: string, specifier: string, exists: (file: string) => boolean): string | null;
export interface ImportGraph {
  importsOf(file: string): string[];
  cycleThrough(from: string, to: string): string[] | null;
}
export function createImportGraph(options: { exists(file: string): boolean; specifiersOf(file: string): readonly string[] | null }): ImportGraph;
export function findCycles(roots: Iterable<string>, graph: ImportGraph): string[][];
