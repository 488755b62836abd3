import { useState } from 'react';
import { downloadBytes } from '../../app/download.ts';
import { t } from '../../i18n/index.ts';
import { DESTRUCTION_PHRASE as PHRASE, portal } from '../../portal/portal-client.ts';



/** The portal administrator's end of contract: export everything, hand it over, destroy, keep the certificate. */
export function ContractEnd({ onDestroyed }: { onDestroyed: (certificateName: string) => void }) {
  const [exported, setExported] = useState<{ name: string; sha256: string } | null>(null);
  const [phrase, setPhrase] = useState('');
  const [sha, setSha] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const failed = (caught: unknown) => setError((caught as Error).message);
  return (
    <section className="panel contract-end" aria-labelledby="contract-end-title">
      <h2 id="contract-end-title">{t('tracking.contractEnd.title')}</h2>
      <p>{t('tracking.contractEnd.intro')}</p>
      <p>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            portal
              .exportContract()
              .then((result) => {
                downloadBytes(result.bytes, result.name, 'application/zip');
                setExported(result);
                setSha(result.sha256);
                setError(null);
              })
              .catch(failed)
              .finally(() => setBusy(false));
          }}
        >
          {t('tracking.contractEnd.export')}
        </button>
      </p>
      {exported && (
        <p role="status" data-testid="contract-export">
          {t('tracking.contractEnd.exported', { name: exported.name, sha: exported.sha256 })}
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          portal
            .destroyContractData(phrase, sha.trim())
            .then((certificate) => {
              downloadBytes(certificate.bytes, certificate.name, 'application/zip');
              onDestroyed(certificate.name);
            })
            .catch(failed)
            .finally(() => setBusy(false));
        }}
      >
        <div className="field">
          <label htmlFor="destruction-sha">{t('tracking.contractEnd.sha')}</label>
          <input id="destruction-sha" className="mono" type="text" spellCheck={false} size={66} value={sha} onChange={(event) => setSha(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="destruction-phrase">{t('tracking.contractEnd.phrase', { phrase: PHRASE })}</label>
          <input id="destruction-phrase" type="text" autoComplete="off" spellCheck={false} size={32} value={phrase} onChange={(event) => setPhrase(event.target.value)} />
        </div>
        {error && <p role="alert">{error}</p>}
        <button type="submit" className="danger" disabled={busy || phrase !== PHRASE || sha.trim() === ''}>
          {t('tracking.contractEnd.destroy')}
        </button>
      </form>
    </section>
  );
}
