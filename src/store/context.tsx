/** React access to the one store: a provider and a selector hook (select small slices to keep renders cheap). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './store';
import type { AppState } from './types';
import type { ConstantSetCatalog } from './url/codec';

interface StoreContextValue {
  store: AppStore;
  catalog: ConstantSetCatalog;
}

const StoreContext = createContext<StoreContextValue | null>(null);

export function StoreProvider({ store, catalog, children }: StoreContextValue & { children: ReactNode }) {
  return <StoreContext.Provider value={{ store, catalog }}>{children}</StoreContext.Provider>;
}

function useStoreContext(): StoreContextValue {
  const value = useContext(StoreContext);
  if (!value) throw new Error('useAppStore must be used inside <StoreProvider>');
  return value;
}

/** Subscribes to a slice of the state. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useStoreContext().store, selector);
}

/** The store itself (for imperative reads, e.g. building a link on click). */
export function useAppStoreApi(): AppStore {
  return useStoreContext().store;
}

/** The constant-set catalog the URL codec uses. */
export function useCatalog(): ConstantSetCatalog {
  return useStoreContext().catalog;
}
