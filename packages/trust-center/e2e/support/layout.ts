/**
 * What a page does at `width` px, run in the page (page.evaluate): its scroll width, elements past
 * the right edge, and boxes that cut their text off. Self-contained, since Playwright sends it to
 * the browser as source.
 */
export function measureLayout(width: number): { scrollWidth: number; beyond: string[]; clipped: string[] } {
  const describe = (element: Element) => {
    const id = element.id ? `#${element.id}` : '';
    const classes = typeof element.className === 'string' && element.className.trim() ? `.${element.className.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `<${element.tagName.toLowerCase()}${id}${classes}> “${text}”`;
  };
  const beyond: string[] = [];
  const clipped: string[] = [];
  // One walk, one computed style per element: `inScroller` says an ancestor can be scrolled
  // sideways (a wide table in its own scroll box is fine as long as the box fits).
  const walk = (element: Element, inScroller: boolean) => {
    const style = getComputedStyle(element);
    // Not drawn, or screen-reader-only text (clipped to a pixel on purpose): nothing to see.
    if (style.display === 'none' || style.visibility === 'hidden' || style.clipPath !== 'none' || style.clip !== 'auto') return;
    if (['NOSCRIPT', 'TEMPLATE', 'SCRIPT', 'STYLE'].includes(element.tagName)) return;
    const box = element.getBoundingClientRect();
    // Half a pixel of slack for subpixel layout.
    if (!inScroller && box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
      beyond.push(`${describe(element)} spans ${Math.round(box.left)} to ${Math.round(box.right)} px`);
    }
    const cuts = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    if (cuts && element.scrollWidth > element.clientWidth + 1 && (element.textContent ?? '').trim() !== '') {
      clipped.push(`${describe(element)}: ${element.scrollWidth} px of content in ${element.clientWidth} px`);
    }
    const scrolls = ['auto', 'scroll'].includes(style.overflowX);
    for (const child of element.children) walk(child, inScroller || scrolls);
  };
  walk(document.body, false);
  return { scrollWidth: document.documentElement.scrollWidth, beyond: beyond.slice(0, 10), clipped: clipped.slice(0, 10) };
}
