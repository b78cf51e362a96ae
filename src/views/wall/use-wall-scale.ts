// The panels' scale factor for the window's current size (see wall-scale.ts).
import { useEffect, useState } from "react";
import { wallScale } from "./wall-scale.ts";

export function useWallScale(): number {
  const [scale, setScale] = useState(() => wallScale(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const onResize = () => setScale(wallScale(window.innerWidth, window.innerHeight));
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return scale;
}
