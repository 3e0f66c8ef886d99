// renderer/: after a form closes, the button that opened it is mounted again only on the next
// render; focus it then, so keyboard users are not dropped onto the page body.
export function focusSoon(get: () => HTMLElement | null | undefined, tries = 10): void {
  setTimeout(() => {
    const element = get();
    if (element?.isConnected) element.focus();
    else if (tries > 0) focusSoon(get, tries - 1);
  }, 16);
}
