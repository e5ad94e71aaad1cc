/**
 * Status schemes: the vocabulary officers type in the status column, each word mapped to a
 * canonical status and a RAG category. Councils differ, so the scheme is a setting.
 */

/** Colour categories a status can carry. `blue` = complete in BRAG; `grey` = not started / not rated. */
export type Rag = 'red' | 'amber' | 'green' | 'blue' | 'grey';

export interface StatusDef {
  /** Canonical label, as the committee table shows it. */
  label: string;
  rag: Rag;
  /** The action is finished: never overdue. */
  complete: boolean;
  /** Counts as slippage (listed with original and revised dates). */
  slipped: boolean;
  notStarted: boolean;
  /** Other spellings officers use; matched after normalisation (see normaliseStatusText). */
  aliases: string[];
}

export interface StatusScheme {
  id: string;
  name: string;
  /** In the order the committee table lists them. */
  statuses: StatusDef[];
}

const cip: StatusScheme = {
  id: 'cip',
  name: 'Improvement plan (Completed / On track / Some slippage / Major slippage / Not started)',
  statuses: [
    { label: 'Completed', rag: 'blue', complete: true, slipped: false, notStarted: false, aliases: ['complete', 'done', 'achieved', 'closed', 'finished'] },
    { label: 'On track', rag: 'green', complete: false, slipped: false, notStarted: false, aliases: ['ontarget', 'in progress', 'inprogress', 'on schedule', 'green', 'green rated', 'rated green', 'currently green', 'currently on track'] },
    { label: 'Some slippage', rag: 'amber', complete: false, slipped: true, notStarted: false, aliases: ['slippage', 'minor slippage', 'slight slippage', 'slipped', 'amber', 'amber rated', 'rated amber', 'amber risk', 'an amber risk', 'currently amber', 'currently an amber risk'] },
    { label: 'Major slippage', rag: 'red', complete: false, slipped: true, notStarted: false, aliases: ['significant slippage', 'off track', 'red', 'red rated', 'rated red', 'red risk', 'a red risk', 'currently red', 'currently a red risk'] },
    { label: 'Not started', rag: 'grey', complete: false, slipped: false, notStarted: true, aliases: ['not yet started', 'notstarted', 'not commenced', 'yet to start'] },
  ],
};

const rag: StatusScheme = {
  id: 'rag',
  name: 'RAG (Red / Amber / Green)',
  statuses: [
    { label: 'Green', rag: 'green', complete: false, slipped: false, notStarted: false, aliases: ['g', 'on track', 'green rated', 'rated green', 'currently green', 'currently on track'] },
    { label: 'Amber', rag: 'amber', complete: false, slipped: true, notStarted: false, aliases: ['a', 'yellow', 'amber rated', 'rated amber', 'amber risk', 'an amber risk', 'currently amber', 'currently an amber risk'] },
    { label: 'Red', rag: 'red', complete: false, slipped: true, notStarted: false, aliases: ['r', 'red rated', 'rated red', 'red risk', 'a red risk', 'currently red', 'currently a red risk'] },
  ],
};

const brag: StatusScheme = {
  id: 'brag',
  name: 'BRAG (Blue = complete / Red / Amber / Green)',
  statuses: [
    { label: 'Blue', rag: 'blue', complete: true, slipped: false, notStarted: false, aliases: ['b', 'complete', 'completed'] },
    { label: 'Green', rag: 'green', complete: false, slipped: false, notStarted: false, aliases: ['g', 'on track', 'green rated', 'rated green', 'currently green', 'currently on track'] },
    { label: 'Amber', rag: 'amber', complete: false, slipped: true, notStarted: false, aliases: ['a', 'yellow', 'amber rated', 'rated amber', 'amber risk', 'an amber risk', 'currently amber', 'currently an amber risk'] },
    { label: 'Red', rag: 'red', complete: false, slipped: true, notStarted: false, aliases: ['r', 'red rated', 'rated red', 'red risk', 'a red risk', 'currently red', 'currently a red risk'] },
  ],
};

/**
 * Covalent's three states (seed 001 §1.3.2): on track to finish on target, out of target, complete.
 * "Out of target" is red: Covalent has no amber.
 */
const covalent: StatusScheme = {
  id: 'covalent',
  name: 'Covalent (Completed / On target / Out of target)',
  statuses: [
    { label: 'Completed', rag: 'blue', complete: true, slipped: false, notStarted: false, aliases: ['complete', 'done', 'achieved'] },
    { label: 'On target', rag: 'green', complete: false, slipped: false, notStarted: false, aliases: ['on track', 'on track to finish on target', 'expected to meet target', 'ontarget', 'green'] },
    { label: 'Out of target', rag: 'red', complete: false, slipped: true, notStarted: false, aliases: ['off target', 'not on target', 'missed target', 'red'] },
  ],
};

export const builtInSchemes: Readonly<Record<'cip' | 'rag' | 'brag' | 'covalent', StatusScheme>> = { cip, rag, brag, covalent };
export type BuiltInSchemeId = keyof typeof builtInSchemes;
