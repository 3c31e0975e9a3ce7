// The options page.
export function Options() {
  return (
    <main class="fl-options">
      <h1>Factlens</h1>
    </main>
  );
}
