export function App() {
  return (
    <main>
      <h1>Trellis</h1>
    </main>
  );
}
