// renderer/: prints one .print-area when a page holds more than one (a setup code and a new recovery
// key can both be on the admin page); the print stylesheet hides the areas marked to skip.
export function printOnly(area: HTMLElement | null): void {
  const others = [...document.querySelectorAll<HTMLElement>('.print-area')].filter((el) => el !== area);
  for (const el of others) el.classList.add('print-skip');
  try {
    window.print();
  } finally {
    for (const el of others) el.classList.remove('print-skip');
  }
}
