// CSS colours as the palette writes them (#rgb, #rrggbb, #rrggbbaa, rgb(), rgba()) to red, green,
// blue in 0–1 and alpha in 0–1, for the PDF painter.

export interface Colour {
  red: number;
  green: number;
  blue: number;
  alpha: number;
}

const BLACK: Colour = { red: 0, green: 0, blue: 0, alpha: 1 };

export function parseCssColour(css: string): Colour {
  const text = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(text)?.[1];
  if (hex && [3, 6, 8].includes(hex.length)) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
    const channel = (index: number) => Number.parseInt(full.slice(index * 2, index * 2 + 2), 16) / 255;
    return { red: channel(0), green: channel(1), blue: channel(2), alpha: full.length === 8 ? channel(3) : 1 };
  }
  const functional = /^rgba?\(([^)]+)\)$/.exec(text)?.[1];
  if (functional) {
    const parts = functional
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    const [red = 0, green = 0, blue = 0, alpha = 1] = parts;
    if (parts.every(Number.isFinite)) return { red: red / 255, green: green / 255, blue: blue / 255, alpha };
  }
  return BLACK;
}
