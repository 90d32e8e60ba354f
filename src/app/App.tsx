/**
 * Application shell: header (title, teaching panels, export, copy link, theme), notices, teaching panels (preset card,
 * lesson, presenter builder), controls beside results, error boundaries.
 */
import { ControlsPanel } from '../components/ControlsPanel';
import { CopyLinkButton } from '../components/CopyLinkButton';
import { NoticeArea } from '../components/NoticeArea';
import { ThemeToggle } from '../components/ThemeToggle';
import { ExportButton } from '../export/ExportButton';
import { TeachingButtons, TeachingPanels } from '../teaching/TeachingArea';
import { ErrorBoundary } from './ErrorBoundary';
import { Headline } from './Headline';
import { ResultsView } from './ResultsView';
import { SkipLink } from './SkipLink';
import { ByodSection } from '../byod/ByodSection';
import { LabSection } from '../lab/LabSection';
import { PapersSection } from '../papers/PapersSection';

export function App() {
  return (
    <div className="app">
      <SkipLink />
      <header className="app__header">
        <div>
          <h1>T² Explorer</h1>
          <p className="app__tagline">How should compute be split between training a language model and running it?</p>
        </div>
        <div className="app__actions">
          <TeachingButtons />
          <ExportButton />
          <CopyLinkButton />
          <ThemeToggle />
        </div>
      </header>
      <div className="app__notices">
        <NoticeArea />
      </div>
      <TeachingPanels />
      <main className="app__main">
        <ErrorBoundary region="The answer">
          <Headline />
        </ErrorBoundary>
        <ErrorBoundary region="The controls">
          <ControlsPanel />
        </ErrorBoundary>
        <div className="app__results">
          <ResultsView />
          <ErrorBoundary region="Your data">
            <ByodSection />
          </ErrorBoundary>
          <ErrorBoundary region="Model lab">
            <LabSection />
          </ErrorBoundary>
          <ErrorBoundary region="Seed papers">
            <PapersSection />
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
