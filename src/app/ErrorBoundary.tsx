/**
 * Keeps a bad state from blanking the page: a failing region shows what went wrong and a way back (retry, or the
 * default scenario), while the rest of the page keeps working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this region is, for the message ("The charts"). */
  region: string;
  children: ReactNode;
  /** Changes of this key clear the error (e.g. the scenario revision: a new scenario may draw fine). */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  key: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.region} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-box" role="alert" data-testid="app.error">
        <p>
          <strong>{this.props.region} could not be drawn for this scenario.</strong> Change a control, or{' '}
          <a href="?">open the default scenario</a>.
        </p>
        <pre>{error.message}</pre>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
