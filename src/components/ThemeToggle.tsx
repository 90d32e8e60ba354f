/** Switches between the light and dark themes. */
import { useAppStore } from '../store/context';

export function ThemeToggle() {
  const theme = useAppStore((s) => s.theme);
  const toggle = useAppStore((s) => s.toggleTheme);
  return (
    <button
      type="button"
      className="button"
      aria-pressed={theme === 'dark'}
      data-testid="controls.theme"
      onClick={toggle}
    >
      Dark theme
    </button>
  );
}
