/**
 * Import by paste, file picker or drag-and-drop (CSV or JSON), or a bundled public example (./ExampleData.tsx).
 * Reading the text is ./import-logic.ts's job.
 */
import { useId, useState, type DragEvent } from 'react';
import { ExampleData } from './ExampleData';

export function ImportSection({
  onText,
  error,
}: {
  onText: (name: string, text: string) => void;
  error: string | null;
}) {
  const [pasted, setPasted] = useState('');
  const [over, setOver] = useState(false);
  const pasteId = useId();
  const fileId = useId();

  const readFile = (file: File | undefined) => {
    if (!file) return;
    file.text().then(
      (text) => onText(file.name, text),
      () => onText(file.name, ''),
    );
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    readFile(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={`byod__drop${over ? ' byod__drop--over' : ''}`}
      data-testid="byod.drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="byod__hint">
        Drop a CSV or JSON file of your runs here, choose one, or paste it. Columns: params, tokens and loss
        (Chinchilla), or params, tokens, samples and nll / pass@k (T²). Numbers may be written 7e9, 7B or 1.4T.
      </p>
      <label htmlFor={fileId} className="byod__label">
        Choose a CSV or JSON file
      </label>
      <input
        id={fileId}
        type="file"
        accept=".csv,.json,.txt,text/csv,application/json"
        data-testid="byod.file"
        onChange={(e) => readFile(e.currentTarget.files?.[0])}
      />
      <label htmlFor={pasteId} className="byod__label">
        Or paste runs
      </label>
      <textarea
        id={pasteId}
        data-testid="byod.paste"
        rows={5}
        value={pasted}
        spellCheck={false}
        onChange={(e) => setPasted(e.currentTarget.value)}
        placeholder={'params,tokens,loss\n7B,140B,2.10\n…'}
      />
      <button type="button" className="button" data-testid="byod.read" onClick={() => onText('pasted', pasted)}>
        Read pasted runs
      </button>
      {error ? (
        <p className="byod__error" role="alert" data-testid="byod.import-error">
          {error}
        </p>
      ) : null}
      <ExampleData onText={onText} />
    </div>
  );
}
