/**
 * "Copy link": the absolute URL of the current scenario, with "Hold the budgets" when it is off (sharedUrl), to the
 * clipboard (or shown, when the clipboard is refused).
 */
import { useAppStore, useAppStoreApi, useCatalog } from '../store/context';
import { sharedUrl } from '../store/url/sync';

export function CopyLinkButton() {
  const store = useAppStoreApi();
  const catalog = useCatalog();
  const addNotice = useAppStore((s) => s.addNotice);
  const onClick = async () => {
    const url = new URL(sharedUrl(store, catalog, window), window.location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      addNotice({
        id: 'link',
        source: 'link',
        level: 'info',
        text: 'Link copied: it opens this exact scenario.',
        details: [url],
      });
    } catch {
      addNotice({
        id: 'link',
        source: 'link',
        level: 'info',
        text: 'Copy this link to share the scenario:',
        details: [url],
      });
    }
  };
  return (
    <button type="button" className="button" data-testid="controls.copy-link" onClick={() => void onClick()}>
      Copy link
    </button>
  );
}
