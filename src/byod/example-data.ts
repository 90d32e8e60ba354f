/**
 * The bundled public data offered as one-click examples in "Your data" (issue 12, item 8): the tidy tables that
 * tools/public-fits writes from the committed raw files (data/public/tidy/*.csv; provenance in data/public/README.md),
 * each with its paper, repository and licence. The CSV text is loaded on click through a dynamic `?raw` import, so it
 * lands in its own small chunk (precached by the service worker like every built asset) and not in the main bundle.
 */

/** One example data set. */
export interface ExampleData {
  id: string;
  /** Short button label. */
  title: string;
  /** What the runs are and which fit they suit. */
  description: string;
  /** The paper and the repository the raw data come from. */
  source: string;
  /** SPDX licence id of the raw data, and the licence file committed beside them. */
  licence: string;
  licenceFile: string;
  /** The tidy table's file name (data/public/tidy/), used as the imported file's name. */
  file: string;
  /** The CSV text (loaded on demand). */
  load: () => Promise<string>;
}

/** The examples, in the order the panel lists them. */
export const EXAMPLES: readonly ExampleData[] = [
  {
    id: 'gadre-2024',
    title: 'Gadre et al. 2024: RedPajama models, C4-eval loss',
    description:
      '35 models of 10.6 M–6.9 B parameters trained on RedPajama at 5–640 tokens per parameter (heavily over-trained); per-token C4-eval loss. Fits the Chinchilla law.',
    source:
      'Gadre et al. 2024, "Language models scale reliably with over-training and on downstream tasks", arXiv:2403.08540; data from github.com/mlfoundations/scaling',
    licence: 'MIT',
    licenceFile: 'data/public/gadre-2024/LICENSE.txt',
    file: 'gadre-2024-rpj-c4eval-loss.csv',
    load: () => import('../../data/public/tidy/gadre-2024-rpj-c4eval-loss.csv?raw').then((m) => m.default),
  },
  {
    id: 'pythia',
    title: 'Pythia: LAMBADA NLL and accuracy over training',
    description:
      'Checkpoints of the 8 Pythia sizes (70 M–12 B parameters, total counts) used by the shipped Pythia fit: LAMBADA target-word NLL (T² task NLL at k = 1) and accuracy. Fits T² Approach 2 (NLL, then pass@k at k = 1).',
    source:
      'Biderman et al. 2023, "Pythia", arXiv:2304.01373; lm-evaluation-harness results from github.com/EleutherAI/pythia',
    licence: 'Apache-2.0',
    licenceFile: 'data/public/pythia-evals/LICENSE',
    file: 'pythia-standard-fit.csv',
    load: () => import('../../data/public/tidy/pythia-standard-fit.csv?raw').then((m) => m.default),
  },
  {
    id: 'sardana-2024',
    title: 'Sardana et al. 2024: 47 training runs',
    description:
      'The 47 runs of "Beyond Chinchilla-Optimal" (150 M–6 B parameters, up to 10,000 tokens per parameter) with their final loss. Fits the Chinchilla law.',
    source:
      'Sardana et al. 2024, "Beyond Chinchilla-Optimal", arXiv:2401.00448; data from github.com/nikhilsardana/beyond-chinchilla',
    licence: 'Apache-2.0',
    licenceFile: 'data/public/sardana-2024/LICENSE',
    file: 'sardana-2024.csv',
    load: () => import('../../data/public/tidy/sardana-2024.csv?raw').then((m) => m.default),
  },
];
