// The bundled sample dataset: files listed in /samples/index.json, fetched and opened like user files.
import { useStudio } from './store.ts';
import { confirmLoad, openFiles } from './dataset-actions.ts';

const SAMPLE_BASE = `${import.meta.env.BASE_URL}samples/`;

interface SampleIndex {
  name: string;
  files: Array<{ name: string }>;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** `?sample` in the page URL (what `npm start` prints) opens and loads the sample at once. */
export function wantsSampleOnBoot(search: string): boolean {
  return new URLSearchParams(search).has('sample');
}

export async function openSampleDataset(options: { loadAtOnce?: boolean } = {}): Promise<void> {
  useStudio.setState({ phase: 'fetching', failure: null, fileNames: ['sample dataset'] });
  try {
    const index = (await (await fetchOk(`${SAMPLE_BASE}index.json`)).json()) as SampleIndex;
    const files = await Promise.all(index.files.map(async ({ name }) => {
      const blob = await (await fetchOk(`${SAMPLE_BASE}${encodeURIComponent(name)}`)).blob();
      return new File([blob], name, { type: 'application/jsonl' });
    }));
    await openFiles(files);
    if (options.loadAtOnce && useStudio.getState().phase === 'detected') await confirmLoad();
  } catch (error) {
    useStudio.setState({ phase: 'failed', failure: `The sample dataset could not be fetched: ${error instanceof Error ? error.message : String(error)}` });
  }
}

export const SAMPLE_ATTRIBUTION_URL = `${SAMPLE_BASE}ATTRIBUTION.md`;
