/** UI slice: theme. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../types';

export type Theme = 'light' | 'dark';

export interface UiSlice {
  theme: Theme;
  setTheme: (theme: Theme) => void;
  toggleTheme: () => void;
}

export function createUiSlice(initialTheme: Theme): StateCreator<AppState, [], [], UiSlice> {
  return (set, get) => ({
    theme: initialTheme,
    setTheme: (theme) => set({ theme }),
    toggleTheme: () => set({ theme: get().theme === 'dark' ? 'light' : 'dark' }),
  });
}
