/**
 * A design's option text: a few known commands (mcreboot.sh then mcexec; lwkctl then yod), each
 * at most once, separated by `;`, `&&` or new lines. A command may be written with a path
 * (/opt/mckernel/sbin/mcreboot.sh), after `sudo`, or after an MPI launcher (`mpirun -n 4 mcexec
 * …`): the launcher's own options are accepted with a warning, since the model runs one node.
 */
import { closeMatch } from '../closeMatch';
import { diag, type Diagnostic } from '../diagnostic';
import { splitCommands, type Word } from './shell';

export interface CommandDef {
  /** The name printed and named in messages. */
  readonly name: string;
  /** Other spellings of its name (without a path). */
  readonly aliases?: readonly string[];
}

export interface FoundCommand {
  readonly def: CommandDef;
  /** The word that named it. */
  readonly nameWord: Word;
  /** The words after its name. */
  readonly args: readonly Word[];
}

const LAUNCHERS = ['mpirun', 'mpiexec', 'mpiexec.hydra', 'srun', 'aprun'];
const basename = (w: string): string => w.slice(w.lastIndexOf('/') + 1);

/** The commands of `text`, by name. Problems go to `errors`; accepted oddities to `warnings`. */
export function readCommands(text: string, defs: readonly CommandDef[], errors: Diagnostic[], warnings: Diagnostic[]): Map<string, FoundCommand> {
  const found = new Map<string, FoundCommand>();
  const defOf = (word: string): CommandDef | undefined => {
    const b = basename(word);
    return defs.find((d) => d.name === b || (d.aliases ?? []).includes(b));
  };
  const names = defs.map((d) => d.name);
  const expected = names.length === 2 ? `${names[0]} or ${names[1]}` : names.join(', ');
  for (const cmd of splitCommands(text, errors)) {
    let k = 0;
    if (cmd.words[k]?.text === 'sudo') k++;
    const first = cmd.words[k];
    if (first === undefined) continue;
    let def = defOf(first.text);
    if (!def && LAUNCHERS.includes(basename(first.text))) {
      // mpirun … mcexec …: the launcher runs the command on each node; its options do not matter here.
      const at = cmd.words.findIndex((w, i) => i > k && defOf(w.text) !== undefined);
      if (at < 0) {
        errors.push(diag(`${basename(first.text)} must launch ${expected} here`, first.start, cmd.end));
        continue;
      }
      warnings.push(diag(`${basename(first.text)} and its options are accepted, have no effect in the model (it models one node)`, first.start, cmd.words[at - 1].end));
      k = at;
      def = defOf(cmd.words[k].text);
    }
    const nameWord = cmd.words[k];
    if (!def) {
      const near = closeMatch(basename(nameWord.text), [...names, ...defs.flatMap((d) => d.aliases ?? [])]);
      errors.push(diag(`unknown command '${clip(nameWord.text)}': expected ${expected}${near ? `; did you mean ${near}?` : ''}`, nameWord.start, nameWord.end));
      continue;
    }
    if (found.has(def.name)) {
      errors.push(diag(`${def.name} is given twice: give it once`, nameWord.start, nameWord.end));
      continue;
    }
    found.set(def.name, { def, nameWord, args: cmd.words.slice(k + 1) });
  }
  return found;
}

export function clip(s: string): string {
  return s.length > 32 ? `${s.slice(0, 29)}...` : s;
}
