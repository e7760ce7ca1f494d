/** The panel follows DevTools' light or dark theme (DOM code, so it lives with the panel, not the flags). */
import { BROWSER } from '../shared/capabilities';

type Theme = 'light' | 'dark';

interface DevtoolsPanelsApi {
  themeName?: string;
  onThemeChanged?: { addListener(listener: (name: string) => void): void };
  setThemeChangeHandler?: (listener: (name: string) => void) => void;
}

/**
 * The DevTools theme, and its changes. Chrome names them 'default' / 'dark' and offers
 * setThemeChangeHandler; Firefox names them 'light' / 'dark' and fires onThemeChanged. Outside
 * DevTools (the panel opened as a page), the system's colour scheme decides.
 */
export function watchDevtoolsTheme(apply: (theme: Theme) => void): void {
  const api = globalThis as unknown as {
    browser?: { devtools?: { panels?: DevtoolsPanelsApi } };
    chrome?: { devtools?: { panels?: DevtoolsPanelsApi } };
  };
  const panels = (BROWSER === 'firefox' ? api.browser : api.chrome)?.devtools?.panels;
  const toTheme = (name: string | undefined): Theme => (name === 'dark' ? 'dark' : 'light');
  if (panels?.themeName) {
    apply(toTheme(panels.themeName));
    panels.onThemeChanged?.addListener((name) => apply(toTheme(name)));
    panels.setThemeChangeHandler?.((name) => apply(toTheme(name)));
    return;
  }
  const query = matchMedia('(prefers-color-scheme: dark)');
  apply(query.matches ? 'dark' : 'light');
  query.addEventListener('change', () => apply(query.matches ? 'dark' : 'light'));
}
