// A figure that counts to its new value instead of jumping: d3's interpolation and easing, one
// requestAnimationFrame loop per change, cancelled when the value changes again or the card goes.
import { easeCubicOut, interpolateNumber } from "d3";
import { useEffect, useRef, useState } from "react";

/** Returns the value to show now; null while the target is null (nothing to count to). */
export function useAnimatedNumber(target: number | null, durationMs = 1200): number | null {
  // The first figure rolls up from zero, like a flip counter.
  const [shown, setShown] = useState(0);
  const current = useRef(0);

  useEffect(() => {
    if (target === null || current.current === target) return;
    const interpolate = interpolateNumber(current.current, target);
    const started = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const progress = durationMs > 0 ? Math.min(1, Math.max(0, (now - started) / durationMs)) : 1;
      const value = progress >= 1 ? target : interpolate(easeCubicOut(progress));
      current.current = value;
      setShown(value);
      if (progress < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [target, durationMs]);

  return target === null ? null : shown;
}
