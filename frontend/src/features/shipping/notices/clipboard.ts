// Copying a message for the person to paste into WeChat. The Clipboard API needs a secure
// context and a focused document (the Wails webview has both; a page opened over plain http or
// a denied permission has not), so the old way is kept as the fallback: a hidden text area,
// selected, and document.execCommand('copy').

/** Copies text to the system clipboard; rejects when neither way works. */
export async function copyText(text: string): Promise<void> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // fall back below
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '0';
  area.style.opacity = '0';
  area.style.pointerEvents = 'none';
  document.body.appendChild(area);
  const active = document.activeElement as HTMLElement | null;
  try {
    area.focus();
    area.select();
    area.setSelectionRange(0, text.length);
    if (!document.execCommand('copy')) throw new Error('copy refused');
  } finally {
    document.body.removeChild(area);
    active?.focus?.();
  }
}
