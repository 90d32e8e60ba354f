/** The visible notice area: URL corrections, engine fallback, copy-link result. Polite live region. */
import { useAppStore } from '../store/context';

export function NoticeArea() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.level}`} data-testid={`notice.${n.source}`}>
          <p className="notice__text">{n.text}</p>
          {n.details && n.details.length > 0 ? (
            <ul className="notice__details">
              {n.details.map((d, i) => (
                // Two problems may read the same (values cut by echo() in src/store/url/limits.ts): key by position.
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
          <button
            type="button"
            className="notice__dismiss"
            aria-label={`Dismiss: ${n.text}`}
            onClick={() => dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
