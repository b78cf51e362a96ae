// A QR code's dark modules as horizontal runs: one rectangle per run instead of one per module,
// so the canvas fills fewer rectangles and the PDF carries fewer path operators. Both painters
// draw from here.

export interface CellRun {
  row: number;
  /** First dark column of the run. */
  from: number;
  /** The column after its last dark one. */
  to: number;
}

export function cellRuns(modules: ReadonlyArray<ReadonlyArray<boolean>>): CellRun[] {
  const runs: CellRun[] = [];
  modules.forEach((row, rowIndex) => {
    let start = -1;
    for (let column = 0; column <= row.length; column += 1) {
      const dark = row[column] === true;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push({ row: rowIndex, from: start, to: column });
        start = -1;
      }
    }
  });
  return runs;
}
