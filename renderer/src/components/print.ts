// renderer/: prints one .print-area when a page holds more than one (a setup code and a new recovery
// key can both be on the admin page); the print stylesheet hides the areas marked to skip.
// With `alone`, everything outside the area is taken out of the layout too, so a long page (a
// case with its tabs) does not print as blank pages around it.
export function printOnly(area: HTMLElement | null, options: { alone?: boolean } = {}): void {
  const others = [...document.querySelectorAll<HTMLElement>('.print-area')].filter((el) => el !== area);
  for (const el of others) el.classList.add('print-skip');
  if (options.alone) area?.classList.add('print-alone');
  try {
    window.print();
  } finally {
    for (const el of others) el.classList.remove('print-skip');
    area?.classList.remove('print-alone');
  }
}
