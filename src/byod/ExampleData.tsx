/**
 * "Or try a public data set": one button per bundled example (./example-data.ts), each naming its source and licence.
 * A click loads the tidy CSV (its own chunk, fetched from this app, never from outside) and hands it to the same
 * import path as a chosen file, so the mapping, row checks and fit work as for the user's own runs.
 */
import { useState } from 'react';
import { EXAMPLES } from './example-data';

export function ExampleData({ onText }: { onText: (name: string, text: string) => void }) {
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (id: string) => {
    const example = EXAMPLES.find((e) => e.id === id);
    if (!example) return;
    setLoading(id);
    setError(null);
    example.load().then(
      (text) => {
        setLoading(null);
        onText(example.file, text);
      },
      (e: unknown) => {
        setLoading(null);
        setError(`Could not load the example ${example.file} (${e instanceof Error ? e.message : String(e)}).`);
      },
    );
  };
  return (
    <div className="byod__examples" data-testid="byod.examples">
      <p className="byod__hint">
        Or try a public data set (bundled with the app; each is the tidy table the project's public fits use):
      </p>
      <ul style={{ margin: 0, paddingLeft: '1.1rem', display: 'flex', flexDirection: 'column', gap: '0.35rem' }}>
        {EXAMPLES.map((e) => (
          <li key={e.id} data-testid={`byod.example.${e.id}`}>
            <button
              type="button"
              className="button"
              data-testid={`byod.example.${e.id}.load`}
              disabled={loading !== null}
              onClick={() => load(e.id)}
            >
              {loading === e.id ? 'Loading…' : `Load: ${e.title}`}
            </button>
            <small>
              {' '}
              {e.description} Source: {e.source}. Licence: {e.licence} ({e.licenceFile}).
            </small>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="byod__error" role="alert" data-testid="byod.example-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
