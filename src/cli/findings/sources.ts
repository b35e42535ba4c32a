/** The published results the findings are set against (each checked against the paper's abstract or proceedings page). */

export interface Source {
  /** Short label used in the text: "Gerofi et al., SC 2021". */
  readonly label: string;
  readonly authors: string;
  readonly title: string;
  readonly venue: string;
  readonly year: number;
}

export const SOURCES = {
  ross14: {
    label: 'Wisniewski et al., ROSS 2014',
    authors: 'Robert W. Wisniewski, Todd Inglett, Pardo Keppel, Ravi Murty, Rolf Riesen',
    title: 'mOS: An Architecture for Extreme-Scale Operating Systems',
    venue: '4th International Workshop on Runtime and Operating Systems for Supercomputers (ROSS), ACM',
    year: 2014,
  },
  ipdps16: {
    label: 'Gerofi et al., IPDPS 2016',
    authors: 'Balazs Gerofi, Masamichi Takagi, Atsushi Hori, Gou Nakamura, Tomoki Shirasawa, Yutaka Ishikawa',
    title: 'On the Scalability, Performance Isolation and Device Driver Transparency of the IHK/McKernel Hybrid Lightweight Kernel',
    venue: 'IEEE International Parallel and Distributed Processing Symposium (IPDPS)',
    year: 2016,
  },
  ipdps18: {
    label: 'Gerofi et al., IPDPS 2018',
    authors: 'Balazs Gerofi, Rolf Riesen, Masamichi Takagi, Taisuke Boku, Kengo Nakajima, Yutaka Ishikawa, Robert W. Wisniewski',
    title: 'Performance and Scalability of Lightweight Multi-Kernel based Operating Systems',
    venue: 'IEEE International Parallel and Distributed Processing Symposium (IPDPS)',
    year: 2018,
  },
  sc21: {
    label: 'Gerofi et al., SC 2021',
    authors: 'Balazs Gerofi, Kohei Tarumizu, Lei Zhang, Takayuki Okamoto, Masamichi Takagi, Shinji Sumimoto, Yutaka Ishikawa',
    title: 'Linux vs. Lightweight Multi-Kernels for High-Performance Computing: Experiences at Pre-Exascale',
    venue: 'International Conference for High Performance Computing, Networking, Storage and Analysis (SC21), ACM',
    year: 2021,
  },
  sc03: {
    label: 'Petrini, Kerbyson, Pakin, SC 2003',
    authors: 'Fabrizio Petrini, Darren J. Kerbyson, Scott Pakin',
    title: 'The Case of the Missing Supercomputer Performance: Achieving Optimal Performance on the 8,192 Processors of ASCI Q',
    venue: 'ACM/IEEE Conference on Supercomputing (SC03)',
    year: 2003,
  },
  sc08: {
    label: 'Ferreira, Bridges, Brightwell, SC 2008',
    authors: 'Kurt B. Ferreira, Patrick Bridges, Ron Brightwell',
    title: 'Characterizing Application Sensitivity to OS Interference Using Kernel-Level Noise Injection',
    venue: 'ACM/IEEE Conference on Supercomputing (SC08)',
    year: 2008,
  },
  sc10: {
    label: 'Hoefler, Schneider, Lumsdaine, SC 2010',
    authors: 'Torsten Hoefler, Timo Schneider, Andrew Lumsdaine',
    title: 'Characterizing the Influence of System Noise on Large-Scale Applications by Simulation',
    venue: 'International Conference for High Performance Computing, Networking, Storage and Analysis (SC10)',
    year: 2010,
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

/** "(Gerofi et al., SC 2021)" linking to the list of sources at the end of the document. */
export function cite(id: SourceId): string {
  return `([${SOURCES[id].label}](#sources))`;
}

/** The list of sources, one Markdown bullet each. */
export function sourceList(): string[] {
  return Object.values(SOURCES).map((s: Source) => `- ${s.authors}. "${s.title}". ${s.venue}, ${s.year}.`);
}
