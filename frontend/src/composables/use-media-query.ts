import { onBeforeUnmount, ref, type Ref } from 'vue';

/** Whether a CSS media query matches, updated as the viewport changes. */
export function useMediaQuery(query: string): Ref<boolean> {
  const mql = typeof window !== 'undefined' && 'matchMedia' in window ? window.matchMedia(query) : null;
  const matches = ref(mql?.matches ?? false);
  if (mql) {
    const update = (e: MediaQueryListEvent) => {
      matches.value = e.matches;
    };
    mql.addEventListener('change', update);
    onBeforeUnmount(() => mql.removeEventListener('change', update));
  }
  return matches;
}
