/** The one way views reach the panel store. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PanelStore } from './panel-store';

export const PanelContext = createContext<PanelStore | null>(null);

export function usePanel(): PanelStore {
  const store = useContext(PanelContext);
  if (!store) throw new Error('usePanel outside <PanelContext.Provider>');
  return store;
}
