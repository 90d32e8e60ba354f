/**
 * Application shell: skip links, header (title, teaching panels, export, copy link, theme), notices, teaching panels
 * (preset card, presenter builder), then the main region: the headline answer first, the controls (with the docked
 * lesson card) in a column that stays in view on desktop, and the results beside them; error boundaries.
 */
import { ControlsPanel } from '../components/ControlsPanel';
import { CopyLinkButton } from '../components/CopyLinkButton';
import { NoticeArea } from '../components/NoticeArea';
import { ThemeToggle } from '../components/ThemeToggle';
import { ExportButton } from '../export/ExportButton';
import { LessonDock, TeachingButtons, TeachingPanels } from '../teaching/TeachingArea';
import { AppHeadline } from './Headline';
import { SkipLinks } from './SkipLinks';
import { ErrorBoundary } from './ErrorBoundary';
import { ResultsView } from './ResultsView';
import { BIG_CHART_SCALE, ChartScaleContext } from '../charts/chart-scale';
import { useAppStore } from '../store/context';
import { ByodSection } from '../byod/ByodSection';
import { LabSection } from '../lab/LabSection';
import { PapersSection } from '../papers/PapersSection';

export function App() {
  const big = useAppStore((s) => s.presenter.big);
  return (
    <ChartScaleContext value={big ? BIG_CHART_SCALE : 1}>
      <div className="app">
        <SkipLinks />
        <header className="app__header">
          <div>
            <h1>T² Explorer</h1>
            <p className="app__tagline">
              How should compute be split between training a language model and running it?
            </p>
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
        <main className="app__main" id="main">
          <ErrorBoundary region="The answer">
            <AppHeadline />
          </ErrorBoundary>
          <div className="app__side" id="controls" tabIndex={-1}>
            <LessonDock />
            <ErrorBoundary region="The controls">
              <ControlsPanel />
            </ErrorBoundary>
          </div>
          <div className="app__results">
            <ResultsView />
            <div id="your-data" tabIndex={-1}>
              <ErrorBoundary region="Your data">
                <ByodSection />
              </ErrorBoundary>
            </div>
            <div id="model-lab" tabIndex={-1}>
              <ErrorBoundary region="Model lab">
                <LabSection />
              </ErrorBoundary>
            </div>
            <div id="seed-papers" tabIndex={-1}>
              <ErrorBoundary region="Seed papers">
                <PapersSection />
              </ErrorBoundary>
            </div>
          </div>
        </main>
      </div>
    </ChartScaleContext>
  );
}
