import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { AppServicesContext, createAppServices } from './app/app-services.ts';
import { seedDemoOnFirstStart } from './app/seed-demo.ts';
import { ProjectDatabase } from './storage/project-database.ts';
import { createTabCoordinator } from './app/tab-coordinator.ts';
import { workerPackageCodec } from './io/worker-package-codec.ts';
import { t } from './i18n/index.ts';
import './ui/styles.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    const db = await ProjectDatabase.open();
    const services = createAppServices(db, createTabCoordinator(), workerPackageCodec);
    await seedDemoOnFirstStart(services).catch((error: unknown) => {
      services.ui.getState().pushToast('error', t('errors.unexpected', { message: String((error as Error)?.message ?? error) }));
    });
    root.render(
      <StrictMode>
        <AppServicesContext.Provider value={services}>
          <App />
        </AppServicesContext.Provider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<p role="alert" className="fatal">{t('app.startupFailed', { message: (error as Error).message })}</p>);
  }
}

void start();
