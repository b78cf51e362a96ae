import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, manifestSettled } from "./App.tsx";
import "./styles.css";

// The first render waits a moment for the dataset's manifest, which index.html's inline script
// requested while this code downloaded (src/data/first-files.ts) and which is usually here by now.
// With it, the map and its WebGL context are made in the first commit; without it, a loading
// shell was painted first, and in software WebGL the context waited up to 0.5 s for that paint.
const FIRST_RENDER_WAIT_MS = 150;

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const firstRender = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
void Promise.race([manifestSettled, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]).then(firstRender, firstRender);
