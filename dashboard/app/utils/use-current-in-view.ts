import { useLocation } from '@remix-run/react';
import { useEffect, useRef } from 'react';

/**
 * For a list that scrolls sideways (the navigation strip and the settings tabs on a phone): after every
 * navigation, scrolls the list, and only the list, so that its current link (`aria-current="page"`) is in view.
 * `scrollIntoView` would also scroll the page, which must stay where the reader is.
 */
export function useCurrentInView<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const list = ref.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !current || list.scrollWidth <= list.clientWidth) return;
    const listBox = list.getBoundingClientRect();
    const box = current.getBoundingClientRect();
    if (box.left >= listBox.left && box.right <= listBox.right) return;
    // Centre it, so the links on both sides show that there is more.
    list.scrollLeft += box.left - listBox.left - (listBox.width - box.width) / 2;
  }, [pathname]);
  return ref;
}
