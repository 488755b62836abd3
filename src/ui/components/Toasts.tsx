import { useUiStore } from '../../app/app-services.ts';
import { t } from '../../i18n/index.ts';

export function Toasts() {
  const toasts = useUiStore((state) => state.toasts);
  const dismiss = useUiStore((state) => state.dismissToast);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
          <p>{toast.message}</p>
          {toast.details.length > 0 && (
            <ul className="toast-details">
              {toast.details.slice(0, 5).map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
          <button type="button" className="toast-close" onClick={() => dismiss(toast.id)}>
            {t('dialog.close')}
          </button>
        </div>
      ))}
    </div>
  );
}
