/**
 * The typed-value mechanism shared by the numeric fields (log sliders' value fields, the target quality): the text
 * being typed is a draft; Enter or leaving the field commits it through `read`; an invalid draft stays with its
 * message and is not applied; Escape drops the draft.
 */
import { useState, type ChangeEvent, type FocusEvent, type KeyboardEvent } from 'react';

/** What reading a draft gives: a value to apply (with an optional note shown beside it) or a problem. */
export type DraftRead = { ok: true; value: number; note?: string | null } | { ok: false; message: string };

export function useDraftField(shown: string, read: (text: string) => DraftRead, apply: (value: number) => void) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    const r = read(draft);
    if (!r.ok) {
      setProblem(r.message);
      return;
    }
    setProblem(r.note ?? null);
    setDraft(null);
    apply(r.value);
  };
  const reset = () => {
    setDraft(null);
    setProblem(null);
  };

  return {
    draft,
    problem,
    reset,
    inputProps: {
      value: draft ?? shown,
      'aria-invalid': problem !== null && draft !== null,
      onFocus: (e: FocusEvent<HTMLInputElement>) => e.currentTarget.select(),
      onChange: (e: ChangeEvent<HTMLInputElement>) => setDraft(e.currentTarget.value),
      onBlur: commit,
      onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') reset();
      },
    },
  };
}
