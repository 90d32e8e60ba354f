/** Application shell. The explorer UI replaces this placeholder (issue: the explorer). */
export function App() {
  return (
    <main>
      <h1>T² Explorer</h1>
      <p>How should compute be split between training a language model and running it?</p>
    </main>
  );
}
